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
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : Failure.of(e).exit())
                .setParameterExceptionHandler(HindsightCli::badArguments)
                .setExecutionExceptionHandler(HindsightCli::failed)
                .setCaseInsensitiveEnumValuesAllowed(true);
        // every command's help says where else its options may come from
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().footer("", "Any --option can also be set as HINDSIGHT_OPTION (e.g. --jira-url as HINDSIGHT_JIRA_URL) or in "
                    + "hindsight.yaml (or the file HINDSIGHT_CONFIG names); the command line wins. Secrets only from the environment: see the README.");
        }
        cli.setDefaultValueProvider(dir == null ? ConfigFile.environmentOnly(env) : ConfigFile.find(cli.getCommandSpec(), env, dir));
        return cli;
    }

    /**
     * A wrong option or argument: what is wrong and where to read more, not the whole usage text (which
     * buries the one line that matters). picocli's "did you mean" suggestions are kept.
     */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("(see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What a command did not catch: said once, plainly, with the exit status of its kind (a stack trace only for a bug). */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Failure f = Failure.of(e);
        java.io.PrintWriter err = cmd.getErr();
        if (f.exit() == ExitCodes.INTERNAL) e.printStackTrace(err);
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + f.message());
        err.flush();
        return f.exit();
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
