package io.hindsight.server.cli;

import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.Workflows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code hindsight sandbox}: a local Jira + Confluence emulator on 127.0.0.1, until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Starts the sandbox: a local emulator of the Jira and Confluence APIs Hindsight uses, for trying Hindsight "
                + "and for tests. It is not a Jira. Stop it with Ctrl-C.")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8090", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--flavor", defaultValue = "dc", description = "dc (Jira and Confluence Data Center) or cloud (default: ${DEFAULT-VALUE}).")
    String flavor;

    @Option(names = "--workflow", defaultValue = "simplified", paramLabel = "NAME",
            description = "simplified (every status one step away) or stepwise (To Do -> In Progress -> Done, no direct transition to Done) "
                    + "for every project; PUT /sandbox/workflows/{project} changes one later (default: ${DEFAULT-VALUE}).")
    String workflow;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Flavor f = flavor.toLowerCase(Locale.ROOT).startsWith("c") ? Flavor.CLOUD : Flavor.DATA_CENTER;
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(f, port, java.time.Clock.systemUTC(), Workflows.named(workflow));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("hindsight sandbox: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().println(Sandbox.banner(sandbox));
        spec.commandLine().getOut().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
        return ExitCodes.OK;
    }
}
