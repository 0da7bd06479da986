package io.hindsight.server.cli;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionPlan;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.ReportPage;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.service.HindsightService;
import io.hindsight.server.service.Wiring;
import io.hindsight.server.web.ApiToken;
import io.hindsight.server.webhook.Signature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code hindsight demo}: the whole story on one machine. Starts the sandbox, provisions it, publishes
 * the sample post-mortem, changes it as a Jira user would, syncs again, and prints links to look at.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the sandbox (a local Jira + Confluence emulator) on 127.0.0.1, provisions it, publishes a sample post-mortem, "
                + "then adds an action item and closes a ticket as a Jira user would and syncs again. Keeps the sandbox running so you can "
                + "look at the result, until Ctrl-C (or use --exit)."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8090", description = "Sandbox port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--flavor", defaultValue = "dc", description = "dc or cloud (default: ${DEFAULT-VALUE}).")
    String flavor;

    @Option(names = "--file", paramLabel = "FILE", description = "The post-mortem to publish (default: examples/replication-lag.md, shipped with Hindsight).")
    Path file;

    /** The sample post-mortem inside the jar, so the demo runs from any directory. */
    static final String SAMPLE = "/io/hindsight/server/demo/replication-lag.md";

    /** Counted down to stop a demo that keeps running (tests; Ctrl-C ends the process instead). */
    final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);

    @Option(names = "--exit", description = "Stop the sandbox when the demo is done instead of keeping it running.")
    boolean exit;

    @CommandLine.Mixin
    Configuration config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Flavor f = flavor.toLowerCase(Locale.ROOT).startsWith("c") ? Flavor.CLOUD : Flavor.DATA_CENTER;
        String name = file == null ? "examples/replication-lag.md" : file.toString();
        String text;
        try {
            text = file == null ? sample() : Files.readString(file);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("hindsight demo: " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + " (leave --file out to use the sample that ships with Hindsight)");
            return ExitCodes.USAGE;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(f, port);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("hindsight demo: " + e.getMessage() + " (try --port 0)");
            return ExitCodes.USAGE;
        }
        try {
            String url = sandbox.url().toString();
            out.println("1. Sandbox started: " + url + " (a local emulator of Jira and Confluence " + (f == Flavor.CLOUD ? "Cloud" : "Data Center") + ", not a Jira)");
            RequestCounter counter = new RequestCounter();
            Credentials creds = f == Flavor.CLOUD ? Credentials.emailAndApiToken(Sandbox.ADMIN_EMAIL, Sandbox.ADMIN_API_TOKEN)
                    : Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
            Optional<AtlassianSite.Flavor> flavour = Optional.of(f == Flavor.CLOUD ? AtlassianSite.Flavor.CLOUD : AtlassianSite.Flavor.DATA_CENTER);
            AtlassianSite site = AtlassianSite.connect(new AtlassianSite.Endpoint(sandbox.url(), creds, HttpSettings.defaults(), counter),
                    Optional.of(new AtlassianSite.Endpoint(sandbox.url(), creds, HttpSettings.defaults(), counter)), flavour);
            SloPolicy policy = config.sloPolicy();

            Provisioner provisioner = site.provisioner();
            ProvisionPlan plan = provisioner.plan(ProvisioningSpec.defaults("PM", Schema.TICKET_LABEL, "OPS"));
            ProvisionedIds ids = provisioner.apply(plan);
            out.println("2. Provisioned: issue type Post-mortem, " + ids.fieldIds().size() + " fields, the Remediation link type, a filter, board and parent page ("
                    + plan.toCreate().size() + " things created)");

            Wiring w = new Wiring(site, ids, "OPS", policy, config.templateRegistry(), config.clock(), null, null);
            PostMortem pm = new MarkdownReader(policy.actionClasses()).read(text, name).postMortem();
            IssueKey key = w.store.create("PM", pm).key();
            RequestCounter.Snapshot before = counter.snapshot();
            SyncResult first = w.sync.sync(key);
            out.println("3. Published " + name + " as " + key + ": " + first.created().size() + " remediation tickets, the Confluence page, a comment ("
                    + counter.snapshot().minus(before).line() + ")");
            sandbox.webhooks().clear(); // the service is gone; a sandbox left running should not post into the void

            // from here the service takes over, as in production: Jira's signed webhooks, the durable queue, the worker;
            // the demo drains the queue itself (no worker threads) and nothing runs in the background, so the counts are its own
            String secret = UUID.randomUUID().toString();
            org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
            db.setURL("jdbc:h2:mem:hindsight-demo-" + secret + ";DB_CLOSE_DELAY=-1");
            JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
            // the service's web page and API, as 'serve' has them; a throwaway token, since this service lives only as long as the demo
            String demoToken = HexFormat.of().formatHex(SecureRandom.getSeed(16));
            HindsightService service = HindsightService.start(new HindsightService.Settings("127.0.0.1", 0, new Signature(secret), Optional.of(new ApiToken(demoToken)),
                    0, Duration.ZERO, null, false, "PM", config.clock()), w, queue, counter);
            sandbox.webhooks().register("http://127.0.0.1:" + service.port() + "/webhooks/jira", secret, Set.of());

            // what a Jira user would do next: add an action item to the issue, and close a ticket
            String added = "- [ ] [improvement] Rehearse the replica failover runbook every quarter @dana project:OPS";
            PostMortem edited = new MarkdownReader(policy.actionClasses()).read(text + added + "\n", name).postMortem();
            // signed in as Maria, not as Hindsight: the service drops events caused by its own account
            Credentials maria = f == Flavor.CLOUD ? Credentials.emailAndApiToken(Sandbox.MEMBER_EMAIL, Sandbox.MEMBER_API_TOKEN)
                    : Credentials.personalAccessToken(Sandbox.MEMBER_TOKEN);
            AtlassianSite asMaria = AtlassianSite.connect(new AtlassianSite.Endpoint(sandbox.url(), maria, HttpSettings.defaults(), new RequestCounter()),
                    Optional.empty(), Optional.of(site.flavor()));
            io.hindsight.core.port.PostMortemStore mariasJira = asMaria.postMortems(ids, policy.actionClasses());
            mariasJira.update(mariasJira.load(key).orElseThrow(), edited);
            String closed = first.created().get(0).key();
            asMaria.tickets(ids).moveToDone(IssueKey.of(closed));
            out.println("4. As Maria, a Jira user: added an action item to " + key + " and closed " + closed);
            before = counter.snapshot();
            int jobs = 0;
            try {
                // the service's own writes cause webhooks too; those jobs find nothing to do, and then it is quiet
                for (int round = 0, ran = -1; ran != 0; round++) {
                    if (round == 10) throw new IllegalStateException("the service did not settle in 10 rounds");
                    sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10));
                    ran = service.drain();
                    jobs += ran;
                }
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            // read as the sync reads it: the issue, then its tickets
            w.store.load(key).orElseThrow();
            int tickets = w.tracker.tickets(key).size();
            out.println("5. Jira's signed webhooks reached 'hindsight serve' (" + sandbox.webhooks().deliveries().size() + " deliveries, all "
                    + sandbox.webhooks().deliveries().stream().map(d -> String.valueOf(d.status())).distinct().sorted().toList()
                    + "); its worker ran " + jobs + " sync job(s) (deliveries about its own writes are recognised and dropped): now "
                    + tickets + " remediation tickets, page updated ("
                    + counter.snapshot().minus(before).line() + ")");
            before = counter.snapshot();
            w.sync.sync(key);
            out.println("6. Synced once more with nothing changed: " + counter.snapshot().minus(before).line());
            // the service sweeps hourly; the demo jumps ahead two months, when the first open tickets have fallen due
            Clock later = Clock.offset(config.clock(), Duration.ofDays(60));
            List<SendReminders.Sent> reminded = w.reminders(null, true, later).run();
            int again = w.reminders(null, true, later).run().size();
            out.println("7. Reminder sweep as if two months later: " + reminded.size() + " open ticket(s) reminded "
                    + reminded.stream().map(r -> r.ticket() + " " + r.milestone().name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()
                    + "; a second sweep sent " + again);
            out.println("8. The report ('hindsight report'), as of today:");
            ReportData report = w.report.build(null, 100);
            ReportCommand.print(report, ReportCommand.Format.table, out);
            Path html = Files.createTempFile("hindsight-demo-report-", ".html");
            Files.writeString(html, new ReportPage().html(report, "Post-mortem remediation report"));
            out.println();
            out.println("Look at what Hindsight did:");
            out.println("  post-mortem issue  " + url + "/sandbox/issues/" + key);
            out.println("  remediation board  " + url + "/sandbox/boards/" + ids.boardId());
            out.println("  Confluence page    " + url + "/sandbox/pages/" + first.pageId());
            out.println("  post-mortem index  " + url + "/sandbox/pages/" + ids.parentPageId() + " (the parent page's Page Properties Report)");
            out.println("  everything         " + url + "/sandbox");
            out.println("  report with charts " + html.toUri() + " ('hindsight report --format html')");
            if (exit) {
                service.close();
                out.flush();
                return ExitCodes.OK;
            }
            out.println("  the service's page http://127.0.0.1:" + service.port() + "/ (sign in with this demo's token " + demoToken + ")");
            // from now on the service runs as 'serve' does: its workers run what the page, the API and the sandbox's webhooks queue
            service.startWorkers(2);
            out.println();
            publishYourOwn(out, sandbox, f, ids, service.port(), demoToken);
            out.println("The sandbox and the service keep running (the service's workers sync what is queued); press Ctrl-C to stop them.");
            out.flush();
            Runnable closeAll = () -> {
                service.close();
                sandbox.close();
            };
            Thread hook = new Thread(closeAll, "hindsight-demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await();
            Runtime.getRuntime().removeShutdownHook(hook);
            closeAll.run();
            return ExitCodes.OK;
        } catch (RuntimeException | InterruptedException e) {
            if (!exit) sandbox.close();
            throw e;
        } finally {
            if (exit) sandbox.close();
        }
    }

    private static String sample() throws java.io.IOException {
        try (java.io.InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) throw new java.io.IOException("the sample post-mortem is missing from this build (" + SAMPLE + ")");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * What someone needs to publish a post-mortem of their own to the running sandbox: the environment to copy,
     * the ids file (left in a directory of its own, never over a real site's hindsight-ids.json), and the users
     * and projects that exist, since an owner or project the sandbox does not know is refused like on a real Jira.
     */
    private static void publishYourOwn(PrintWriter out, Sandbox sandbox, Flavor f, ProvisionedIds ids, int servicePort, String apiToken) throws java.io.IOException {
        Path dir = Files.createTempDirectory("hindsight-demo-");
        Path idsFile = dir.resolve("hindsight-ids.json");
        Files.writeString(idsFile, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ids) + "\n");
        String url = sandbox.url().toString();
        List<String> users;
        List<String> projects;
        synchronized (sandbox.jira()) {
            users = sandbox.jira().users.values().stream().filter(u -> !u.admin() && !u.name().equals("viewer")).map(u -> "@" + u.name()).toList();
            projects = sandbox.jira().projects.keySet().stream().filter(p -> !p.equals("PM")).toList();
        }
        out.println("Publish a post-mortem of your own to this sandbox: in another terminal, copy these lines:");
        out.println("  export HINDSIGHT_JIRA_URL=" + url + " HINDSIGHT_CONFLUENCE_URL=" + url + " HINDSIGHT_SPACE=OPS HINDSIGHT_IDS_FILE=" + idsFile
                + (f == Flavor.CLOUD ? " HINDSIGHT_CLOUD=true" : " HINDSIGHT_DATA_CENTER=true"));
        if (f == Flavor.CLOUD) {
            out.println("  export HINDSIGHT_JIRA_EMAIL=" + Sandbox.ADMIN_EMAIL + " HINDSIGHT_JIRA_API_TOKEN=" + Sandbox.ADMIN_API_TOKEN
                    + " HINDSIGHT_CONFLUENCE_EMAIL=" + Sandbox.ADMIN_EMAIL + " HINDSIGHT_CONFLUENCE_API_TOKEN=" + Sandbox.ADMIN_API_TOKEN);
        } else {
            out.println("  export HINDSIGHT_JIRA_TOKEN=" + Sandbox.ADMIN_TOKEN + " HINDSIGHT_CONFLUENCE_TOKEN=" + Sandbox.ADMIN_TOKEN);
        }
        out.println("  ./hindsight publish my-post-mortem.md");
        out.println("  Owners that exist in the sandbox: " + String.join(" ", users) + "; projects for actions: "
                + String.join(", ", projects.stream().map(p -> "project:" + p).toList()));
        out.println("  Or through the service's API: curl -H 'Authorization: Bearer " + apiToken + "' --data-binary @my-post-mortem.md http://127.0.0.1:"
                + servicePort + "/api/publish");
    }
}
