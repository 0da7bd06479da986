package io.hindsight.server.cli;

import io.hindsight.sandbox.Sandbox;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a command that syncs against a sandbox in-process, signed in as its admin, as a user runs it against a site. */
final class SiteRun {
    record Result(int exit, String out, String err) {
    }

    private SiteRun() {
    }

    static Result run(Sandbox sandbox, Path ids, String command, String... args) {
        return run(true, sandbox, ids, command, args);
    }

    /** @param flavorFlag whether to name the flavour on the command line (else it comes from the ids file, or Jira is asked) */
    static Result run(boolean flavorFlag, Sandbox sandbox, Path ids, String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HindsightCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        // the tokens come from the environment in real use; the test hands the command its environment
        Map<String, String> env = Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN, "HINDSIGHT_CONFLUENCE_TOKEN", Sandbox.ADMIN_TOKEN);
        Object c = cli.getSubcommands().get(command).getCommand();
        if (c instanceof SyncCommand s) s.site.env = env;
        else if (c instanceof PublishCommand p) p.site.env = env;
        else throw new IllegalArgumentException("not a command that syncs: " + command);
        List<String> all = new ArrayList<>(List.of(command, "--jira-url", sandbox.url().toString(), "--confluence-url", sandbox.url().toString(),
                "--space", "OPS", "--ids-file", ids.toString(), "--today", "2026-11-26"));
        if (flavorFlag) all.add("--data-center");
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs any command in-process with {@code env} as its environment (for its site's credentials and option defaults). */
    static Result withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HindsightCli.commandLine(env, null);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        Object c = cli.getSubcommands().get(args[0]).getCommand();
        try {
            java.lang.reflect.Field site = c.getClass().getDeclaredField("site");
            ((SiteOptions) site.get(c)).env = env;
        } catch (NoSuchFieldException e) {
            // a command that reaches no site
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
