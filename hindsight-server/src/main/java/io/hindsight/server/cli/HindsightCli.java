package io.hindsight.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hindsight} command. Each job is a subcommand with its own {@code --help}. */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = HindsightCli.Version.class,
        description = "Blameless, structured post-mortems for Jira and Confluence.",
        subcommands = {LintCommand.class, RenderCommand.class, ProvisionCommand.class, PublishCommand.class, SyncCommand.class, JobsCommand.class, RemindCommand.class, ReportCommand.class, ServeCommand.class, SandboxCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class HindsightCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli;
        try {
            cli = commandLine(System.getenv(), java.nio.file.Path.of(""));
        } catch (IllegalArgumentException e) {
            // hindsight.yaml or HINDSIGHT_CONFIG is wrong: say where, and run nothing on a half-read configuration
            System.err.println("hindsight: " + e.getMessage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        System.exit(cli.execute(args));
    }

    /** The command line configured by the environment only (no hindsight.yaml): what tests run in-process. */
    public static CommandLine commandLine() {
        return commandLine(java.util.Map.of(), null);
    }

    /**
     * The command line with option defaults from {@code HINDSIGHT_*} variables and hindsight.yaml.
     *
     * @param dir where to look for hindsight.yaml (unless HINDSIGHT_CONFIG names a file); null: nowhere
     */
    public static CommandLine commandLine(java.util.Map<String, String> env, java.nio.file.Path dir) {
        CommandLine cli = new CommandLine(new HindsightCli())
                .setExitCodeExceptionMapper(e -> ExitCodes.USAGE)
                .setCaseInsensitiveEnumValuesAllowed(true);
        // every command's help says where else its options may come from
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().footer("", "Any --option can also be set as HINDSIGHT_OPTION (e.g. --jira-url as HINDSIGHT_JIRA_URL) or in "
                    + "hindsight.yaml (or the file HINDSIGHT_CONFIG names); the command line wins. Secrets only from the environment: see the README.");
        }
        cli.setDefaultValueProvider(dir == null ? ConfigFile.environmentOnly(env) : ConfigFile.find(cli.getCommandSpec(), env, dir));
        return cli;
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
