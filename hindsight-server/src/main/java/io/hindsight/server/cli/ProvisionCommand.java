package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionPlan;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hindsight provision}: sets a Jira site and Confluence space up for Hindsight, idempotently. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Creates what Hindsight needs in Jira and Confluence, and only what is missing: the Post-mortem issue type, "
                + "its fields on the screen, the Remediation link type, a saved filter and Kanban board, the Confluence parent page.",
                "Running it again changes nothing. --dry-run prints the plan without changing anything."})
final class ProvisionCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The Jira project that holds post-mortems.")
    String project;

    @Option(names = "--space", required = true, paramLabel = "KEY", description = "The Confluence space for post-mortem pages.")
    String space;

    @Option(names = "--screen", defaultValue = "Default Screen", paramLabel = "NAME", description = "The screen the fields go on (default: ${DEFAULT-VALUE}).")
    String screen;

    @Option(names = "--label", defaultValue = io.hindsight.core.port.Schema.TICKET_LABEL, paramLabel = "LABEL", description = "The label remediation tickets carry (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--ids-file", defaultValue = "hindsight-ids.json", paramLabel = "FILE", description = "Where to store the ids Hindsight will use (default: ${DEFAULT-VALUE}).")
    Path idsFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RequestCounter counter = new RequestCounter();
        try {
            Provisioner provisioner = site.site(counter).provisioner();
            ProvisioningSpec wanted = ProvisioningSpec.defaults(project, label, space).withScreen(screen);
            ProvisionPlan plan = provisioner.plan(wanted);
            out.print(plan.describe());
            if (dryRun) {
                out.println(plan.nothingToDo() ? "dry run: nothing to create." : "dry run: " + plan.toCreate().size() + " thing(s) would be created.");
                return ExitCodes.OK;
            }
            ProvisionedIds ids = provisioner.apply(plan);
            Files.writeString(idsFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ids) + "\n");
            out.println((plan.nothingToDo() ? "nothing to create; " : plan.toCreate().size() + " thing(s) created; ") + "ids written to " + idsFile);
            out.println(counter.snapshot().line());
            boolean manual = plan.steps().stream().anyMatch(s -> s.status() == ProvisionPlan.Status.MANUAL || s.status() == ProvisionPlan.Status.CONFLICT);
            if (manual) out.println("Some steps need an administrator (MANUAL) or a decision (CONFLICT): see above.");
            return ExitCodes.OK;
        } catch (java.io.IOException e) {
            err.println("hindsight provision: cannot write " + idsFile + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
