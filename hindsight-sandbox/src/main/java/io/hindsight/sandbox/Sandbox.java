package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.jira.Workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * A local Jira + Confluence for tests, benchmarks and the demo: a faithful, stateful subset of the
 * REST APIs Hindsight uses, Data Center or Cloud. It is a test and evaluation tool, not a Jira.
 * <pre>
 * try (Sandbox s = Sandbox.start(Flavor.DATA_CENTER, 0)) { ... s.url() ... }
 * </pre>
 */
public final class Sandbox implements AutoCloseable {
    /** Data Center personal access token of the seeded admin account. */
    public static final String ADMIN_TOKEN = "sandbox-admin-token";
    /** Cloud email and API token of the seeded admin account. */
    public static final String ADMIN_EMAIL = "hindsight@example.com";
    public static final String ADMIN_API_TOKEN = "sandbox-api-token";
    /** An account without administrator rights. */
    public static final String VIEWER_TOKEN = "sandbox-viewer-token";
    /** Maria Garcia, an engineer (no administrator rights): a person editing post-mortems, as opposed to Hindsight's account. */
    public static final String MEMBER_TOKEN = "sandbox-maria-token";
    public static final String MEMBER_EMAIL = "maria@example.com";
    public static final String MEMBER_API_TOKEN = "maria-api-token";

    private final SandboxServer server;
    private final Flavor flavor;

    private Sandbox(SandboxServer server, Flavor flavor) {
        this.server = server;
        this.flavor = flavor;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public static Sandbox start(Flavor flavor, int port) {
        return start(flavor, port, Clock.systemUTC());
    }

    public static Sandbox start(Flavor flavor, int port, Clock clock) {
        return start(flavor, port, clock, Workflows.SIMPLIFIED);
    }

    /**
     * With every project on the given workflow ({@link Workflows#STEPWISE}: To Do → In Progress → Done,
     * no direct transition to Done); {@link #useWorkflow} changes one project's later.
     */
    public static Sandbox start(Flavor flavor, int port, Clock clock, Workflows workflow) {
        try {
            SandboxServer server = new SandboxServer(flavor, "127.0.0.1", port, clock, workflow);
            server.start();
            return new Sandbox(server, flavor);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI url() {
        return URI.create(server.baseUrl());
    }

    public Flavor flavor() {
        return flavor;
    }

    public Faults faults() {
        return server.faults;
    }

    public RequestLog log() {
        return server.log;
    }

    public Webhooks webhooks() {
        return server.webhooks;
    }

    /** The Jira state, for assertions and seeding; synchronise on it while reading. */
    public JiraState jira() {
        return server.jira;
    }

    public JiraApi jiraApi() {
        return server.jiraApi;
    }

    public ConfluenceState confluence() {
        return server.confluence;
    }

    /** Makes a project's issues follow this workflow from now on (as {@code PUT /sandbox/workflows/{project}} does). */
    public void useWorkflow(String projectKey, Workflows workflow) {
        server.useWorkflow(projectKey, workflow.workflow());
    }

    public void reset() {
        server.reset();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** {@code java -jar hindsight-sandbox.jar [--port 8090] [--flavor dc|cloud] [--workflow simplified|stepwise]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        Flavor flavor = Flavor.DATA_CENTER;
        Workflows workflow = Workflows.SIMPLIFIED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--flavor" -> flavor = args[++i].toLowerCase(Locale.ROOT).startsWith("c") ? Flavor.CLOUD : Flavor.DATA_CENTER;
                case "--workflow" -> workflow = Workflows.named(args[++i]);
                default -> {
                    System.err.println("usage: sandbox [--port 8090] [--flavor dc|cloud] [--workflow simplified|stepwise]");
                    System.exit(2);
                }
            }
        }
        Sandbox s = start(flavor, port, Clock.systemUTC(), workflow);
        System.out.println(banner(s));
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        Thread.currentThread().join();
    }

    public static String banner(Sandbox s) {
        String auth = s.flavor == Flavor.CLOUD ? "-u " + ADMIN_EMAIL + ":" + ADMIN_API_TOKEN : "-H 'Authorization: Bearer " + ADMIN_TOKEN + "'";
        String api = s.flavor == Flavor.CLOUD ? "/rest/api/3" : "/rest/api/2";
        return "Hindsight sandbox (" + (s.flavor == Flavor.CLOUD ? "Jira Cloud + Confluence Cloud" : "Jira Data Center + Confluence Data Center")
                + ") on " + s.url() + " - a local emulator for tests and the demo, not a Jira.\n"
                + "  try:  curl " + auth + " " + s.url() + api + "/serverInfo\n"
                + "  look: " + s.url() + "/sandbox";
    }
}
