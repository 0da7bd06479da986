package io.hindsight.jira.jira;

import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ResultDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The shortest way through a workflow from a step to a done step: the transitions (OSWorkflow actions) to
 * take in turn. Workflows where Done is not one transition away (To Do, In Progress, Done) are walked
 * rather than given up on. Global actions are available from every step.
 */
final class WorkflowWalk {
    private WorkflowWalk() {
    }

    /** @return the action ids to run in order; empty when {@code from} is done already or no path exists */
    @SuppressWarnings("unchecked")
    static List<Integer> toDone(WorkflowDescriptor workflow, int from, IntPredicate done) {
        if (done.test(from)) return List.of();
        Map<Integer, int[]> cameFrom = new HashMap<>(); // step -> {previous step, action id}
        Deque<Integer> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, null);
        while (!queue.isEmpty()) {
            int step = queue.removeFirst();
            List<ActionDescriptor> actions = new ArrayList<>();
            StepDescriptor descriptor = workflow.getStep(step);
            if (descriptor != null) actions.addAll(descriptor.getActions());
            actions.addAll(workflow.getGlobalActions());
            for (ActionDescriptor a : actions) {
                ResultDescriptor result = a.getUnconditionalResult();
                if (result == null || result.getStep() <= 0 && workflow.getStep(result.getStep()) == null) continue;
                int next = result.getStep();
                if (cameFrom.containsKey(next)) continue;
                cameFrom.put(next, new int[]{step, a.getId()});
                if (done.test(next)) return path(cameFrom, next);
                queue.addLast(next);
            }
        }
        return List.of();
    }

    private static List<Integer> path(Map<Integer, int[]> cameFrom, int to) {
        List<Integer> actions = new ArrayList<>();
        for (int[] hop = cameFrom.get(to); hop != null; hop = cameFrom.get(hop[0])) actions.add(hop[1]);
        Collections.reverse(actions);
        return actions;
    }
}
