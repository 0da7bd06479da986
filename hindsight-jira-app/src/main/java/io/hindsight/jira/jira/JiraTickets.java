package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.event.type.EventDispatchOption;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.opensymphony.workflow.loader.StepDescriptor;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.render.Jql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remediation tickets as Jira issues, in-process. A ticket carries its action id exactly as the REST host
 * gives it: the {@code hindsight-action-<id>} label, set in the create itself, and the
 * {@link Schema#TICKET_PROPERTY} issue property; it is linked "remediates" to its post-mortem. So the REST
 * service and the app find each other's tickets and never duplicate them.
 */
public final class JiraTickets implements TicketTracker {
    /** The most transitions taken to reach done, as the REST host takes. */
    static final int MAX_STEPS = 5;
    /** Jira's own link type for duplicates ("duplicates" / "is duplicated by"). */
    static final String DUPLICATE_LINK = "Duplicate";
    private final JiraApi jira;
    private final Supplier<ApplicationUser> user;
    private final I18nResolver i18n;

    public JiraTickets(JiraApi jira, Supplier<ApplicationUser> user, I18nResolver i18n) {
        this.jira = jira;
        this.user = user;
        this.i18n = i18n;
    }

    /** The issues linked to the post-mortem by a Remediation link ("is remediated by" from its side). */
    @Override
    public List<RemediationTicket> tickets(IssueKey postMortem) {
        Issue pm = jira.issues().getIssueObject(postMortem.value());
        if (pm == null) return List.of();
        List<RemediationTicket> out = new ArrayList<>();
        for (IssueLink l : jira.links().getInwardLinks(pm.getId())) {
            if (isRemediation(l.getIssueLinkType()) && l.getSourceObject() != null) out.add(ticket(l.getSourceObject()));
        }
        out.sort(Comparator.comparing(t -> IssueKey.of(t.key())));
        return out;
    }

    /** In-process reads cost no request: each post-mortem's links are read in turn. */
    @Override
    public Map<IssueKey, List<RemediationTicket>> tickets(List<IssueKey> postMortems) {
        Map<IssueKey, List<RemediationTicket>> out = new LinkedHashMap<>();
        for (IssueKey k : postMortems) out.put(k, tickets(k));
        return out;
    }

    private RemediationTicket ticket(Issue t) {
        List<String> labels = labels(t);
        String actionId = labels.stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).map(l -> l.substring(Schema.ACTION_LABEL_PREFIX.length()))
                .findFirst().or(() -> jira.issueProperties().get(t.getId(), Schema.TICKET_PROPERTY).map(p -> p.get("actionId"))).orElse(null);
        return new RemediationTicket(t.getKey(), actionId, t.getSummary(), t.getAssignee() == null ? null : t.getAssignee().getUsername(),
                JiraFields.day(t.getDueDate()), t.getPriority() == null ? null : t.getPriority().getName(), labels,
                JiraFields.category(t) == io.hindsight.atlassian.jira.JiraModel.StatusCategory.DONE, t.getStatus() == null ? null : t.getStatus().getName());
    }

    /** In-process: each project and the issue types its scheme offers, read from Jira's managers. */
    @Override
    public Map<String, TicketTracker.Project> projects(java.util.Collection<String> keys) {
        Map<String, TicketTracker.Project> out = new LinkedHashMap<>();
        for (String k : keys) {
            com.atlassian.jira.project.Project p = jira.projects().getProjectObjByKey(k);
            List<String> types = p == null || p.getIssueTypes() == null ? List.of() : p.getIssueTypes().stream().map(IssueType::getName).toList();
            out.put(k, new TicketTracker.Project(k, p != null, types));
        }
        return out;
    }

    private static List<String> labels(Issue t) {
        return t.getLabels() == null ? List.of() : t.getLabels().stream().map(Label::getLabel).sorted().toList();
    }

    private static boolean isRemediation(IssueLinkType type) {
        return type != null && Schema.LINK_TYPE.equalsIgnoreCase(type.getName());
    }

    /**
     * Each ticket: created through IssueService (Jira's validation gives the refusal, per ticket) with its
     * labels, the action's one among them; then linked to the post-mortem, given the property, and its due
     * date set. A ticket that a crash left unlinked is found by its label and adopted, not made again.
     */
    @Override
    public CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets) {
        Issue pm = jira.issues().getIssueObject(postMortem.value());
        if (pm == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-post-mortem", String.valueOf(postMortem)));
        IssueLinkType link = jira.linkTypes().getIssueLinkTypesByName(Schema.LINK_TYPE).stream().findFirst().orElseThrow(() -> new IllegalStateException(i18n.getText("hindsight.jira.error.no-link-type", Schema.LINK_TYPE, "hindsight provision")));
        ApplicationUser actor = user.get();
        List<CreatedTicket> created = new ArrayList<>();
        List<CreatedTickets.Refusal> refused = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            Optional<MutableIssue> orphan = unlinked(d, actor);
            MutableIssue issue;
            if (orphan.isPresent()) {
                issue = orphan.get();
            } else {
                com.atlassian.jira.project.Project project = jira.projects().getProjectObjByKey(d.project());
                if (project == null) {
                    refused.add(new CreatedTickets.Refusal(d, "project", "there is no project " + d.project()));
                    continue;
                }
                Optional<IssueType> type = jira.issueTypes().getIssueTypes().stream().filter(t -> Schema.TICKET_TYPE.equalsIgnoreCase(t.getName())).findFirst();
                if (type.isEmpty()) {
                    refused.add(new CreatedTickets.Refusal(d, "issuetype", "this Jira has no issue type '" + Schema.TICKET_TYPE + "'"));
                    continue;
                }
                IssueService.CreateValidationResult valid = jira.issueService().validateCreate(actor, input(d, project, type.get(), actor));
                if (!valid.isValid()) {
                    refused.add(new CreatedTickets.Refusal(d, Errors.firstField(valid.getErrorCollection()), Errors.describe(valid.getErrorCollection())));
                    continue;
                }
                IssueService.IssueResult result = jira.issueService().create(actor, valid);
                if (!result.isValid()) {
                    refused.add(new CreatedTickets.Refusal(d, Errors.firstField(result.getErrorCollection()), Errors.describe(result.getErrorCollection())));
                    continue;
                }
                issue = result.getIssue();
            }
            try {
                jira.links().createIssueLink(issue.getId(), pm.getId(), link.getId(), null, actor);
            } catch (CreateException e) {
                throw new IllegalStateException(issue.getKey() + " was created for action '" + d.summary() + "' but not linked to " + postMortem
                        + " (" + e.getMessage() + "); the next sync links it", e);
            }
            jira.issueProperties().put(actor, issue.getId(), Schema.TICKET_PROPERTY, IssueProperties.ticketValues(postMortem.value(), d.actionId()));
            if (d.due() != null) {
                MutableIssue fresh = jira.issues().getIssueObject(issue.getId());
                fresh.setDueDate(JiraFields.day(d.due()));
                jira.issues().updateIssue(actor, fresh, EventDispatchOption.ISSUE_UPDATED, false);
            }
            created.add(new CreatedTicket(d.actionId(), issue.getKey()));
        }
        return new CreatedTickets(created, refused);
    }

    private IssueInputParameters input(DesiredTicket d, com.atlassian.jira.project.Project project, IssueType type, ApplicationUser actor) {
        IssueInputParameters in = jira.issueService().newIssueInputParameters();
        in.setSkipScreenCheck(true);
        in.setProjectId(project.getId()).setIssueTypeId(type.getId()).setSummary(d.summary()).setReporterId(actor.getUsername());
        if (d.description() != null) in.setDescription(WikiText.of(d.description()));
        priorityId(d.priority()).ifPresent(in::setPriorityId);
        // the owner is already the user id (userId); one Jira refuses comes back as a refusal of the assignee, and the sync makes the ticket unassigned
        if (d.owner() != null) in.setAssigneeId(d.owner());
        List<String> labels = new ArrayList<>(d.labels());
        labels.add(Schema.ACTION_LABEL_PREFIX + d.actionId());
        // labels is a system field; IssueService reads it, like any field, from its form parameter
        in.addCustomFieldValue("labels", labels.toArray(String[]::new));
        return in;
    }

    /** An issue carrying the action's label, in the action's project, with the action's summary, linked to no post-mortem. */
    private Optional<MutableIssue> unlinked(DesiredTicket d, ApplicationUser actor) {
        String jql = "labels = " + Jql.quote(Schema.ACTION_LABEL_PREFIX + d.actionId())
                + (d.project() == null ? "" : " AND project = " + Jql.quote(d.project())) + " ORDER BY key";
        for (Issue i : JiraSearch.search(jira.search(), actor, jql, 20)) {
            boolean linked = jira.links().getOutwardLinks(i.getId()).stream().anyMatch(l -> isRemediation(l.getIssueLinkType()));
            if (!linked && Objects.equals(i.getSummary(), d.summary())) return Optional.ofNullable(jira.issues().getIssueObject(i.getId()));
        }
        return Optional.empty();
    }

    private Optional<String> priorityId(String name) {
        if (name == null) return Optional.empty();
        return jira.priorities().getPriorities().stream().filter(p -> name.equalsIgnoreCase(p.getName())).map(Priority::getId).findFirst();
    }

    @Override
    public void update(TicketChange c) {
        if (!c.fieldsChange()) return;
        MutableIssue issue = jira.issues().getIssueObject(c.ticketKey());
        if (issue == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-ticket", String.valueOf(c.ticketKey())));
        ApplicationUser actor = user.get();
        boolean fields = false;
        if (c.summary() != null) {
            issue.setSummary(c.summary());
            fields = true;
        }
        if (c.owner() != null) {
            ApplicationUser owner = jira.users().getUserByName(c.owner());
            if (owner != null) {
                issue.setAssignee(owner);
                fields = true;
            }
        }
        if (c.due() != null) {
            issue.setDueDate(JiraFields.day(c.due()));
            fields = true;
        }
        Optional<String> priority = priorityId(c.priority());
        if (priority.isPresent()) {
            issue.setPriorityId(priority.get());
            fields = true;
        }
        if (fields) jira.issues().updateIssue(actor, issue, EventDispatchOption.ISSUE_UPDATED, false);
        for (String label : c.addLabels()) jira.labels().addLabel(actor, issue.getId(), label, false);
    }

    /**
     * Walks the ticket's workflow to a status in the Done category by its shortest way (the whole workflow is known
     * in-process); none: the ticket stays where it is, and the answer says where.
     */
    @Override
    public Moved moveToDone(IssueKey ticket) {
        MutableIssue issue = jira.issues().getIssueObject(ticket.value());
        if (issue == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-ticket", String.valueOf(ticket)));
        String status = issue.getStatus() == null ? "" : issue.getStatus().getName();
        if (JiraFields.category(issue) == io.hindsight.atlassian.jira.JiraModel.StatusCategory.DONE) return new Moved(true, status);
        JiraWorkflow workflow = jira.workflows().getWorkflow(issue);
        StepDescriptor at = workflow == null ? null : workflow.getLinkedStep(issue.getStatus());
        if (at == null) return new Moved(false, status);
        List<Integer> path = WorkflowWalk.toDone(workflow.getDescriptor(), at.getId(), step -> {
            StepDescriptor s = workflow.getDescriptor().getStep(step);
            var st = s == null ? null : workflow.getLinkedStatusObject(s);
            return st != null && st.getStatusCategory() != null && "done".equals(st.getStatusCategory().getKey());
        });
        if (path.isEmpty() || path.size() > MAX_STEPS) return new Moved(false, status);
        ApplicationUser actor = user.get();
        for (int action : path) {
            IssueService.TransitionValidationResult valid = jira.issueService().validateTransition(actor, issue.getId(), action,
                    jira.issueService().newIssueInputParameters());
            if (!valid.isValid()) {
                throw new IllegalStateException(i18n.getText("hindsight.jira.error.move-refused", String.valueOf(ticket), String.valueOf(action),
                        Errors.describe(valid.getErrorCollection())));
            }
            IssueService.IssueResult moved = jira.issueService().transition(actor, valid);
            if (!moved.isValid()) throw new IllegalStateException(i18n.getText("hindsight.jira.error.not-moved", String.valueOf(ticket), Errors.describe(moved.getErrorCollection())));
        }
        MutableIssue now = jira.issues().getIssueObject(ticket.value());
        return new Moved(true, now == null || now.getStatus() == null ? "" : now.getStatus().getName());
    }

    /**
     * Linked to the ticket kept with Jira's Duplicate link (once), then walked to done. The resolution is the one the
     * workflow's done transition sets: the app does not choose Duplicate itself (the REST host does where the screen
     * takes it).
     */
    @Override
    public Moved markDuplicate(IssueKey duplicate, IssueKey kept) {
        MutableIssue dup = jira.issues().getIssueObject(duplicate.value());
        Issue original = jira.issues().getIssueObject(kept.value());
        if (dup == null || original == null) throw new IllegalStateException(duplicate + " or " + kept + " does not exist (deleted?)");
        Optional<IssueLinkType> type = jira.linkTypes().getIssueLinkTypesByName(DUPLICATE_LINK).stream().findFirst();
        boolean linked = jira.links().getOutwardLinks(dup.getId()).stream().anyMatch(l -> l.getIssueLinkType() != null
                && DUPLICATE_LINK.equalsIgnoreCase(l.getIssueLinkType().getName()) && l.getDestinationObject() != null
                && kept.value().equals(l.getDestinationObject().getKey()));
        if (type.isPresent() && !linked) {
            try {
                jira.links().createIssueLink(dup.getId(), original.getId(), type.get().getId(), null, user.get());
            } catch (CreateException e) {
                throw new IllegalStateException(i18n.getText("hindsight.jira.error.not-linked", String.valueOf(duplicate), String.valueOf(kept), String.valueOf(e.getMessage())), e);
            }
        }
        return moveToDone(duplicate);
    }

    /** The user Jira knows by this name, if the account is active. */
    @Override
    public Optional<Person> findUser(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        ApplicationUser u = jira.users().getUserByName(name.strip());
        return u == null || !u.isActive() ? Optional.empty() : Optional.of(new Person(u.getUsername(), u.getDisplayName()));
    }

    /** Data Center assigns and mentions by user name: an owner is a user when Jira knows the name and the account is active. */
    @Override
    public Optional<String> userId(String ownerName) {
        if (ownerName == null || ownerName.isBlank()) return Optional.empty();
        ApplicationUser u = jira.users().getUserByName(ownerName.strip());
        return u == null || !u.isActive() ? Optional.empty() : Optional.of(u.getUsername());
    }

    /** The REST host's JQL, searched in-process; the day is a literal, so no clock or zone matters. */
    @Override
    public List<DueTicket> dueBy(String label, LocalDate day) {
        String jql = "labels = " + Jql.quote(label) + " AND statusCategory != Done AND duedate <= " + Jql.quote(day.toString()) + " ORDER BY duedate ASC";
        List<DueTicket> out = new ArrayList<>();
        for (Issue t : JiraSearch.search(jira.search(), user.get(), jql, 1000)) {
            String postMortem = jira.links().getOutwardLinks(t.getId()).stream().filter(l -> isRemediation(l.getIssueLinkType()))
                    .map(IssueLink::getDestinationObject).filter(Objects::nonNull).map(Issue::getKey).findFirst().orElse(null);
            Person assignee = t.getAssignee() == null ? null : new Person(t.getAssignee().getUsername(), t.getAssignee().getDisplayName());
            out.add(new DueTicket(t.getKey(), JiraFields.day(t.getDueDate()), labels(t), assignee, postMortem));
        }
        return out;
    }

    @Override
    public void comment(IssueKey ticket, String markdown, List<Person> mention) {
        Issue issue = jira.issues().getIssueObject(ticket.value());
        if (issue == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-ticket", String.valueOf(ticket)));
        jira.comments().create(issue, user.get(), WikiText.withMentions(markdown, mention), true);
    }
}
