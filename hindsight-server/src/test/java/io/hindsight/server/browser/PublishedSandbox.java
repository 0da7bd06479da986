package io.hindsight.server.browser;

import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.site.Flavor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-process sandbox with {@code examples/replication-lag.md} published to it by the project's own
 * CLI, as a user (and the demo) would: {@code hindsight provision}, then {@code hindsight publish}, each
 * in its own JVM with the tokens in its environment, where the CLI reads them.
 */
public final class PublishedSandbox implements AutoCloseable {
    public final Sandbox sandbox;
    public final Path dir;
    /** The post-mortem's key, as publish printed it. */
    public final String key;

    private PublishedSandbox(Sandbox sandbox, Path dir, String key) {
        this.sandbox = sandbox;
        this.dir = dir;
        this.key = key;
    }

    public static PublishedSandbox start() {
        Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        try {
            Path dir = Files.createTempDirectory("hindsight-browser-");
            // the example as shipped: it names no issue, so it publishes as a new post-mortem on any site
            String example = Files.readString(examples().resolve("replication-lag.md"));
            Path file = dir.resolve("replication-lag.md");
            Files.writeString(file, example);
            PublishedSandbox site = new PublishedSandbox(sandbox, dir, null);
            site.cli("provision", "--project", "PM", "--space", "OPS");
            String out = site.cli("publish", file.toString(), "--space", "OPS");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(PM-\\d+)\\b").matcher(out);
            if (!m.find()) throw new IllegalStateException("publish did not name the post-mortem's key:\n" + out);
            return new PublishedSandbox(sandbox, dir, m.group(1));
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The repository's examples folder, from the module's directory or the repository root. */
    static Path examples() {
        for (Path p : List.of(Path.of("..", "examples"), Path.of("examples"))) if (Files.isDirectory(p)) return p;
        throw new IllegalStateException("examples/ not found from " + Path.of("").toAbsolutePath());
    }

    /** Runs {@code hindsight COMMAND ...} against the sandbox in a JVM of its own; returns what it printed, or throws with it. */
    public String cli(String command, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "io.hindsight.server.cli.HindsightCli", command));
        cmd.addAll(List.of("--ids-file", dir.resolve("hindsight-ids.json").toString()));
        cmd.addAll(List.of("--jira-url", sandbox.url().toString(), "--confluence-url", sandbox.url().toString(), "--data-center"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN, "HINDSIGHT_CONFLUENCE_TOKEN", Sandbox.ADMIN_TOKEN));
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("hindsight " + command + " did not finish in 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IllegalStateException("hindsight " + command + " exited " + p.exitValue() + ":\n" + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
