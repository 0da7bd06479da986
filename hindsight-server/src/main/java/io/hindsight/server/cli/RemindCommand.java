package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.port.Schema;
import io.hindsight.core.usecase.SendReminders;
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
        // what cannot be used or reached is reported by HindsightCli with the exit status of its kind
        boolean approvers = ids.exists();
        // without the provisioned field ids the approvers cannot be read; the tickets' owners are still mentioned
        ProvisionedIds read = approvers ? ids.read() : new ProvisionedIds(null, java.util.Map.of(), Schema.LINK_TYPE, null, null, null);
        SendReminders sweep = new Wiring(site.jiraSite(counter), read, null, config.sloPolicy(), config.templateRegistry(), config.clock(), null, null)
                .reminders(label, approvers);
        if (!approvers) {
            spec.commandLine().getErr().println("hindsight remind: no " + ids.file + ", so approvers are not mentioned (owners are); run 'hindsight provision' or pass --ids-file");
        }
        List<SendReminders.Sent> sent = sweep.run();
        sent.forEach(s -> out.println("reminded " + s.ticket() + ": " + s.milestone().name().toLowerCase().replace('_', ' ')));
        out.println(sent.size() + " reminder(s) sent");
        if (stats) out.println(counter.snapshot().line());
        return ExitCodes.OK;
    }
}
