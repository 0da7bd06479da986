package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.sync.ReminderSweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hindsight remind}: one reminder sweep over open remediation tickets; meant for cron or a CI schedule. */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = "Comments on open remediation tickets that are due within two days, overdue, or overdue a week - once per "
                + "milestone (a hindsight-reminded-* label records what was sent). Safe to run as often as you like.")
final class RemindCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "The label remediation tickets carry (default: the first label of the SLO policy).")
    String label;

    /** With it, post-mortem approvers are mentioned on tickets overdue a week. */
    @Mixin
    IdsFileOption ids;

    @Option(names = "--stats", description = "Print the requests made, as the last line.")
    boolean stats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RequestCounter counter = new RequestCounter();
        PrintWriter out = spec.commandLine().getOut();
        try {
            JiraClient jira = site.jiraClient(counter);
            List<String> policyLabels = config.sloPolicy().labels();
            String remediationLabel = label != null ? label : policyLabels.isEmpty() ? null : policyLabels.get(0);
            if (remediationLabel == null) throw new IllegalArgumentException("the SLO policy names no label for remediation tickets: pass --label");
            ReminderSweep sweep;
            if (ids.exists()) {
                sweep = new ReminderSweep(jira, remediationLabel, config.clock(), Wiring.tracker(jira, ids.read(), config.sloPolicy())::approvers);
            } else {
                spec.commandLine().getErr().println("hindsight remind: no " + ids.file + ", so approvers are not mentioned (owners are); run 'hindsight provision' or pass --ids-file");
                sweep = new ReminderSweep(jira, remediationLabel, config.clock());
            }
            List<ReminderSweep.Sent> sent = sweep.run();
            sent.forEach(s -> out.println("reminded " + s.ticket() + ": " + s.milestone().name().toLowerCase().replace('_', ' ')));
            out.println(sent.size() + " reminder(s) sent");
            if (stats) out.println(counter.snapshot().line());
            return ExitCodes.OK;
        } catch (AtlassianException e) {
            spec.commandLine().getErr().println("hindsight remind: " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("hindsight remind: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
