package io.hindsight.server.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 'hindsight serve' as a separate process, as an operator runs it: the CLI's main class on the module's own
 * classpath (what the test phase has in a clean clone: target/classes and the dependency jars, no package
 * step needed), stopped with SIGTERM or killed with SIGKILL like a real deployment.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:([0-9]+)/");
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final int port;
    private final String name;

    private ServiceProcess(String name, Process process, Duration startTimeout) throws InterruptedException {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, "service-output-" + name);
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        int found = -1;
        while (found < 0) {
            synchronized (lines) {
                for (String l : lines) {
                    Matcher m = LISTENING.matcher(l);
                    if (m.find()) found = Integer.parseInt(m.group(1));
                }
                if (found < 0) {
                    if (!process.isAlive()) throw new AssertionError(name + " stopped at start (exit " + process.exitValue() + "):\n" + output());
                    if (System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new AssertionError(name + " did not start within " + startTimeout + ":\n" + output());
                    }
                    lines.wait(100);
                }
            }
        }
        this.port = found;
    }

    /** The classpath the tests run with: surefire names it in a property, since its own launcher jar is all java.class.path holds. */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    /**
     * Starts {@code hindsight serve ARGS} with {@code env} added to this process's environment (minus any
     * HINDSIGHT_* of the developer's), working in {@code dir}, and waits until it listens.
     */
    static ServiceProcess serve(String name, Path dir, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived JVM on a busy machine: quick start matters more than peak speed
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", classpath(), "io.hindsight.server.cli.HindsightCli", "serve"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("HINDSIGHT_"));
        pb.environment().putAll(env);
        return new ServiceProcess(name, pb.start(), Duration.ofSeconds(90));
    }

    /** What a one-shot command printed and how it exited. */
    record Run(int exit, String output) {
    }

    /** Runs {@code hindsight ARGS} to its end as a separate process, as a person at a second terminal would. */
    static Run cli(Path dir, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(), "io.hindsight.server.cli.HindsightCli"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("HINDSIGHT_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hindsight " + args + " did not end within 60 s:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Everything the service printed so far (standard output and error), for assertions and failure messages. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits until the service prints a line containing {@code text}. */
    boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(l -> l.contains(text))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                lines.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** SIGTERM, as systemd, Kubernetes and Ctrl-C stop a service; waits for it to exit and returns its status. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process ends at once, whatever it was doing (the OOM killer, a lost machine). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
