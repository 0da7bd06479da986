package io.hindsight.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hindsight} command. Each job is a subcommand with its own {@code --help}. */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = HindsightCli.Version.class,
        description = "Blameless, structured post-mortems for Jira and Confluence.",
        subcommands = {LintCommand.class, RenderCommand.class, ProvisionCommand.class, PublishCommand.class, SyncCommand.class, RemindCommand.class, ReportCommand.class, ServeCommand.class, SandboxCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class HindsightCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new HindsightCli())
                .setExitCodeExceptionMapper(e -> ExitCodes.USAGE)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HindsightCli.class.getPackage().getImplementationVersion();
            return new String[]{"hindsight " + (v == null ? "development build" : v)};
        }
    }
}
