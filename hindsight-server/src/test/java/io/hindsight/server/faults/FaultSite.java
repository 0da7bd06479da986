package io.hindsight.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.sandbox.Faults;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.server.SandboxSite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fault tests share: the sandbox in this JVM (so a test sees Jira and Confluence as they are and
 * injects faults), provisioned as 'hindsight provision' would, with the ids file and the environment a
 * 'hindsight serve' process needs to work against it; post-mortems to sync; and the promises every case
 * checks: one live ticket per action, a current page, one true comment.
 */
final class FaultSite implements AutoCloseable {
    static final String API_TOKEN = "fault-matrix-api-token-0123456789";
    static final String WEBHOOK_SECRET = "fault-matrix-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger POST_MORTEMS = new AtomicInteger();

    final Sandbox sandbox;
    final SandboxSite site;
    final Path dir;
    final Path ids;

    FaultSite(Path dir) throws IOException {
        this.dir = dir;
        this.sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        this.site = new SandboxSite(sandbox);
        this.ids = site.writeIds(dir);
    }

    /** The environment of a service process: secrets, as an operator sets them, and job lines in the log. */
    Map<String, String> env() {
        return Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN, "HINDSIGHT_CONFLUENCE_TOKEN", Sandbox.ADMIN_TOKEN,
                "HINDSIGHT_WEBHOOK_SECRET", WEBHOOK_SECRET, "HINDSIGHT_API_TOKEN", API_TOKEN, "HINDSIGHT_LOG_LEVEL", "INFO");
    }

    /** serve's arguments against this sandbox; {@code store} is "--data-dir DIR" or "--database URL", then any extra options. */
    List<String> serveArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("--jira-url", sandbox.url().toString(), "--confluence-url", sandbox.url().toString(), "--data-center",
                "--space", "OPS", "--ids-file", ids.toString(), "--port", "0", "--remind-every", "0"));
        args.addAll(List.of(more));
        if (!args.contains("--workers")) args.addAll(List.of("--workers", "2"));
        return args;
    }

    // ---- post-mortems -------------------------------------------------------------------------------

    /** What the actions ask for, one per action, distinct so the checker sees no duplicates. */
    static final String[] WORK = {"Rate-limit the bulk import on the primary", "Alert on replication lag above 60 seconds", "Move reporting queries to a replica",
            "Rehearse the database failover runbook", "Add disk saturation to the capacity dashboard", "Cap import batch sizes in the admin tool",
            "Document the import schedule for on-call", "Page the database team on replica errors"};

    /** A post-mortem of {@code actions} (at most 8) distinct actions, each with a stable id, an owner who exists in the sandbox and a due date. */
    static String markdown(String title, int actions, String dueDay) {
        StringBuilder sb = new StringBuilder("---\ntitle: " + title + "\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\n"
                + "Checkout failed for 40 minutes while the primary database was saturated.\n\n## Root cause\n\n"
                + "A bulk import saturated the primary's disk.\n\n## Action items\n\n");
        String[] owners = {"maria", "kenji", "priya", "lee", "dana"};
        String[] work = WORK;
        for (int i = 1; i <= actions; i++) {
            sb.append("- [ ] ").append(i == 1 ? "[priority] " : "").append(work[(i - 1) % work.length]).append(" (").append(title).append(')')
                    .append(" @").append(owners[(i - 1) % owners.length])
                    .append(" due:2027-01-").append(dueDay).append(" project:OPS id:").append(slug(title)).append("-a").append(i).append('\n');
        }
        return sb.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A new post-mortem issue in Jira, created as its author would (by Maria, not by Hindsight). */
    IssueKey newPostMortem(int actions) {
        String title = "Fault case " + POST_MORTEMS.incrementAndGet();
        String md = markdown(title, actions, "15");
        // a post-mortem the checker refused would never reach the phases under test
        io.hindsight.core.usecase.LintResult checked = site.wiring.lint.markdown(md, "pm.md");
        if (checked.report().hasErrors()) throw new AssertionError("the test's post-mortem has errors: " + checked.report().findings());
        return site.asMaria(sandbox).create("PM", read(md)).key();
    }

    /** Maria edits every action's due date: a sync then updates every ticket. */
    void moveDueDates(IssueKey key, int actions) {
        String title = sandbox.jira().issuesByKey.get(key.value()).text("summary");
        io.hindsight.core.port.PostMortemStore maria = site.asMaria(sandbox);
        maria.update(maria.load(key).orElseThrow(), read(markdown(title, actions, "29")));
    }

    private static io.hindsight.core.model.PostMortem read(String markdown) {
        return new MarkdownReader(SandboxSite.POLICY.actionClasses()).read(markdown, "pm.md").postMortem();
    }

    // ---- faults -------------------------------------------------------------------------------------

    /** Adds a fault and returns how often its pattern had fired before, for {@link #awaitFired}. */
    long inject(Faults.Rule rule) {
        long before = sandbox.faults().fired(rule.match());
        sandbox.faults().add(rule);
        return before;
    }

    /** Waits until a request matching {@code match} has arrived (and is being held by a LATENCY rule). */
    void awaitFired(String match, long before, Duration timeout, ServiceProcess... services) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sandbox.faults().fired(match) <= before) {
            if (System.nanoTime() > deadline) {
                StringBuilder out = new StringBuilder();
                for (ServiceProcess s : services) out.append("\n--- service output:\n").append(s.output());
                throw new AssertionError("no request matched '" + match + "' within " + timeout + out);
            }
            Thread.sleep(20);
        }
    }

    // ---- the service's API -----------------------------------------------------------------------

    /** Queues a sync through the service's JSON API, as the web page's button does; the job's id. */
    static long queueSync(ServiceProcess service, IssueKey key) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/sync/" + key.value()))
                .header("Authorization", "Bearer " + API_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new AssertionError("POST /api/sync/" + key + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body()).path("job").asLong();
    }

    static JsonNode job(ServiceProcess service, long id) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/jobs/" + id))
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("GET /api/jobs/" + id + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Waits for a job to end (done or dead) and returns its last state. */
    static JsonNode awaitJob(ServiceProcess service, long id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode j = job(service, id);
        while (!j.path("status").asText().equals("done") && !j.path("status").asText().equals("dead")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " still " + j + " after " + timeout + "\n--- service output:\n" + service.output());
            }
            Thread.sleep(100);
            j = job(service, id);
        }
        return j;
    }

    // ---- the promises -------------------------------------------------------------------------------

    /** The remediation tickets of one post-mortem, by the action id each carries, open ones only (a healed duplicate is resolved). */
    Map<String, List<String>> liveTicketsByAction(IssueKey key, int actions) {
        Map<String, List<String>> byAction = new LinkedHashMap<>();
        String prefix = io.hindsight.core.port.Schema.ACTION_LABEL_PREFIX;
        synchronized (sandbox.jira()) {
            for (JiraState.Issue i : sandbox.jira().issuesByKey.values()) {
                if (!i.projectKey.equals("OPS") || done(i)) continue;
                for (String label : i.labels()) {
                    if (label.startsWith(prefix) && ownedBy(i, key)) byAction.computeIfAbsent(label.substring(prefix.length()), k -> new ArrayList<>()).add(i.key);
                }
            }
        }
        return byAction;
    }

    /** A ticket links to its post-mortem (the Remediation link): that is what makes it this post-mortem's. */
    private boolean ownedBy(JiraState.Issue ticket, IssueKey key) {
        return sandbox.jira().links.stream().anyMatch(l -> (l.fromKey().equals(ticket.key) && l.toKey().equals(key.value()))
                || (l.toKey().equals(ticket.key) && l.fromKey().equals(key.value())));
    }

    private boolean done(JiraState.Issue i) {
        JiraState.Status s = sandbox.jira().statuses.get(i.statusId);
        return s != null && "done".equals(s.categoryKey());
    }

    /** What is wrong with "exactly one open ticket per action", or null when it holds. */
    String oneTicketPerAction(IssueKey key, int actions) {
        Map<String, List<String>> byAction = liveTicketsByAction(key, actions);
        List<String> wrong = new ArrayList<>();
        if (byAction.size() != actions) wrong.add(byAction.size() + " actions have tickets, not " + actions);
        byAction.forEach((action, keys) -> {
            if (keys.size() != 1) wrong.add("action " + action + " has " + keys.size() + " open tickets " + keys);
        });
        return wrong.isEmpty() ? null : key + ": " + String.join("; ", wrong);
    }

    /** Every open ticket of the post-mortem. */
    List<String> ticketKeys(IssueKey key, int actions) {
        return liveTicketsByAction(key, actions).values().stream().flatMap(List::stream).sorted().toList();
    }

    /** The post-mortem's Confluence pages (by title, as the sync names them). */
    List<ConfluenceState.Page> pages(IssueKey key) {
        synchronized (sandbox.confluence()) {
            return sandbox.confluence().pages.values().stream().filter(p -> p.title.startsWith(key.value() + ":")).toList();
        }
    }

    /** What is wrong with "one page, and it shows the post-mortem as it is now", or null when it holds. */
    String currentPage(IssueKey key, List<String> mustShow) {
        List<ConfluenceState.Page> pages = pages(key);
        if (pages.size() != 1) return key + ": " + pages.size() + " pages, not 1";
        String body = pages.get(0).current().storage();
        List<String> missing = mustShow.stream().filter(s -> !body.contains(s)).toList();
        return missing.isEmpty() ? null : key + ": the page does not show " + missing;
    }

    /** Hindsight's comments on the post-mortem, oldest first. */
    List<String> syncComments(IssueKey key) {
        synchronized (sandbox.jira()) {
            return sandbox.jira().issuesByKey.get(key.value()).comments.stream()
                    .map(c -> c.body().isTextual() ? c.body().asText() : c.body().toString())
                    .filter(b -> b.startsWith("Hindsight synced") || b.startsWith("Hindsight did not sync")).toList();
        }
    }

    /**
     * What is wrong with "one comment since {@code before} comments, telling every one of {@code mustName}
     * and nothing false", or null when it holds.
     */
    String oneTrueComment(IssueKey key, int before, List<String> mustName) {
        List<String> all = syncComments(key);
        List<String> added = all.subList(Math.min(before, all.size()), all.size());
        if (added.size() != 1) return key + ": " + added.size() + " comments from this sync, not 1: " + added;
        // the comment is Jira wiki markup on Data Center, where a key's hyphen is escaped (OPS\-1): read it as shown
        String c = added.get(0).replace("\\", "");
        List<String> untold = mustName.stream().filter(k -> !c.contains(k)).toList();
        if (!untold.isEmpty()) return key + ": the comment does not tell of " + untold + ": " + c;
        if (c.contains("edited by hand")) return key + ": the comment claims a hand edit nobody made: " + c;
        return null;
    }

    /** Runs a sync in this JVM and returns the writes it made: zero when the service left everything in step. */
    long writesOfAnotherSync(IssueKey key) {
        sandbox.log().clear();
        site.wiring.sync.sync(key);
        return sandbox.log().writes();
    }

    // ---- PostgreSQL -------------------------------------------------------------------------------

    /** The test database's URL, or null (then the PostgreSQL cases skip, or fail in CI, as the queue tests do). */
    static String postgresUrl() {
        String url = System.getenv("HINDSIGHT_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** Empties the PostgreSQL test database: the service creates its tables again at start (Flyway). */
    static void resetPostgres(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS jobs, deliveries, flyway_schema_history CASCADE");
        }
    }

    /** Stops the sandbox and removes the working directory (the services are stopped by then, their H2 files closed). */
    @Override
    public void close() {
        sandbox.close();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the case
        }
    }

    static Path tempDir(String name) throws IOException {
        return Files.createTempDirectory("hindsight-" + name + "-");
    }
}
