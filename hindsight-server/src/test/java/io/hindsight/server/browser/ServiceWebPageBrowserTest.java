package io.hindsight.server.browser;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.sandbox.Faults;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.service.HindsightService;
import io.hindsight.server.service.Wiring;
import io.hindsight.server.web.ApiToken;
import io.hindsight.server.webhook.Signature;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The service's web page in a real browser, as an SRE lead uses it after the CLI published
 * examples/replication-lag.md to the sandbox: sign in with the token, read the report and its charts,
 * queue a sync and watch it run (queued, running, done), and replay a job that died for real (Jira
 * answering 500 to every read of the post-mortem). The console must report no error and no
 * Content-Security-Policy violation; each step's screenshot is left in target/browser-screenshots.
 * <p>
 * The service runs with no worker threads: the test drains the queue itself, so that it can look at
 * the page while a job waits and while it runs (the sandbox holds the sync's first read for a few seconds).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ServiceWebPageBrowserTest {
    private static final String TOKEN = "browser-test-token-0123456789abcdef";
    private static PublishedSandbox site;
    private static Browser browser;
    private static JobQueue queue;
    private static HindsightService service;

    @BeforeClass
    public static void publishServeAndOpenABrowser() {
        browser = Browser.start(); // first: skips (or fails where required) before any work when there is no browser
        site = PublishedSandbox.start();
        Credentials creds = Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
        // few, quick retries: a job meant to die should die in seconds, not after minutes of backoff
        HttpSettings http = HttpSettings.defaults().withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1));
        RequestCounter counter = new RequestCounter();
        AtlassianSite.Endpoint endpoint = new AtlassianSite.Endpoint(site.sandbox.url(), creds, http, counter);
        AtlassianSite atlassian = AtlassianSite.connect(endpoint, Optional.of(endpoint), Optional.of(AtlassianSite.Flavor.DATA_CENTER));
        Wiring wiring = new Wiring(atlassian, Wiring.readIds(site.dir.resolve("hindsight-ids.json")), "OPS", SloPolicyLoader.defaults(),
                TemplateRegistry.builtIn(), Clock.systemUTC(), null, null);
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:browser-service;DB_CLOSE_DELAY=-1");
        queue = new JobQueue(db, Clock.systemUTC(), 1); // one attempt: a failed job is dead at once, for the replay
        service = HindsightService.start(new HindsightService.Settings("127.0.0.1", 0, new Signature("browser-test-webhook-secret"),
                Optional.of(new ApiToken(TOKEN)), 0, Duration.ZERO, null, false, "PM", Clock.systemUTC()), wiring, queue, counter);
    }

    @AfterClass
    public static void close() {
        if (browser != null) browser.close();
        if (service != null) service.close();
        if (site != null) site.close();
    }

    private static URI page(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static void assertNoProblems(String view) {
        List<String> problems = browser.problems();
        assertTrue(view + ": the console reported " + problems, problems.isEmpty());
    }

    /** Signs in through the form, as a person types the token; the page is then open on the dashboard. */
    private static void signIn() {
        var d = browser.driver();
        browser.open(page("/"));
        if (!d.getCurrentUrl().endsWith("/login")) return; // already signed in
        d.findElement(By.name("token")).sendKeys(TOKEN);
        submit("form[action='/login'] input[type=submit]", service.port() + "/");
    }

    /** Reloads the page until {@code shows} holds, for at most 20 s. */
    private static void reloadUntil(String what, Predicate<org.openqa.selenium.WebDriver> shows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            browser.driver().navigate().refresh();
            if (shows.test(browser.driver())) return;
            if (System.nanoTime() > deadline) throw new AssertionError("the page never showed " + what + ":\n" + browser.driver().findElement(By.tagName("body")).getText());
            Thread.sleep(250);
        }
    }

    /** Clicks a form's button and waits until the browser has followed the answer to a page whose address ends so. */
    private static void submit(String button, String landsOn) {
        browser.driver().findElement(By.cssSelector(button)).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(landsOn) + "$"));
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    @Test
    public void a_signInShowsTheReportWithItsChartsAndKeysLinkedToJira() {
        var d = browser.driver();
        browser.open(page("/"));
        assertTrue("without a session the page asks for the token: " + d.getCurrentUrl(), d.getCurrentUrl().endsWith("/login"));
        d.findElement(By.name("token")).sendKeys("not-the-token-but-long-enough");
        d.findElement(By.cssSelector("form[action='/login'] input[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".overdue")));
        assertEquals("That is not the API token.", text(".overdue"));
        browser.screenshot("web-page-sign-in");
        // the one thing the console may say here: the wrong token's answer was a 401, as it should be
        List<String> said = browser.problems();
        assertTrue("sign-in page: the console reported " + said, said.size() == 1 && said.get(0).contains("/login") && said.get(0).contains("401"));
        d.findElement(By.name("token")).sendKeys(TOKEN);
        submit("form[action='/login'] input[type=submit]", service.port() + "/");
        assertEquals("Hindsight: post-mortem remediation", d.getTitle());
        assertTrue("the charts are drawn", d.findElements(By.cssSelector("svg.chart")).size() >= 3);
        WebElement key = d.findElement(By.linkText(site.key));
        assertEquals(site.sandbox.url().toString().replaceAll("/$", "") + "/browse/" + site.key, key.getAttribute("href"));
        assertTrue(text("#report-time"), text("#report-time").matches("(?s)The report above was read from Jira (just now|\\d+ seconds? ago)\\..*"));
        assertTrue(d.findElement(By.cssSelector("#report-time time")).getAttribute("title").endsWith(" UTC"));
        browser.screenshot("web-page");
        assertNoProblems("dashboard");
    }

    @Test
    public void b_aJobDiesWhenJiraFailsAndIsListedWithItsError() {
        signIn();
        var d = browser.driver();
        // Jira fails every read of the post-mortem: the sync dies (one attempt in this queue)
        site.sandbox.faults().add(Faults.Rule.status("GET /rest/api/2/issue/" + site.key + ".*", 500, 1000));
        d.findElement(By.cssSelector("#sync input[name=key]")).sendKeys(site.key);
        submit("#sync input[type=submit]", "/#sync");
        long job = queue.all().stream().filter(j -> j.status() == Job.Status.QUEUED).findFirst().orElseThrow().id();
        service.drain();
        site.sandbox.faults().clear(); // what failed it is fixed; the job stays dead until someone replays it
        assertEquals(Job.Status.DEAD, queue.job(job).orElseThrow().status());
        browser.open(page("/"));
        WebElement dead = d.findElement(By.cssSelector("#dead #job-" + job));
        assertTrue(dead.getText(), dead.getText().contains(site.key) && dead.getText().contains("500"));
        assertEquals(1, dead.findElements(By.cssSelector("input[value=Replay]")).size());
        browser.screenshot("web-page-dead");
        assertNoProblems("dead job");
    }

    @Test
    public void c_aSyncIsQueuedFromTheFormThenRunsAndIsDone() throws Exception {
        signIn();
        var d = browser.driver();
        d.findElement(By.cssSelector("#sync input[name=key]")).sendKeys(site.key.toLowerCase());
        submit("#sync input[type=submit]", "/#sync");
        long job = queue.all().stream().filter(j -> j.status() == Job.Status.QUEUED).findFirst().orElseThrow().id();
        assertEquals("the result beside the form", "Queued a sync of " + site.key + " (job " + job + ")", text("#sync output.result"));
        WebElement row = d.findElement(By.id("job-" + job));
        assertTrue(row.getText(), row.getText().contains("QUEUED") && row.getText().contains(site.key));
        browser.screenshot("web-page-queued");
        assertNoProblems("queued");

        // the sync's first read of the post-mortem takes 4 s: long enough to see it running
        site.sandbox.faults().add(Faults.Rule.latency("GET /rest/api/2/issue/" + site.key + ".*", 4000, 1));
        CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(service::drain);
        reloadUntil("the job running", dr -> dr.findElements(By.cssSelector("#job-" + job + ".running")).size() == 1);
        assertEquals("RUNNING", text("#job-" + job + " .status"));
        browser.screenshot("web-page-running");
        browser.screenshot("web-page-service", "#service");
        assertNoProblems("running");

        assertEquals(1, (int) worker.get(60, TimeUnit.SECONDS));
        reloadUntil("the job done", dr -> dr.findElements(By.cssSelector("#jobs #job-" + job)).isEmpty());
        assertTrue(text("#jobs"), text("#jobs").startsWith("Nothing queued or running"));
        assertTrue(text("#service"), text("#service").contains("1 done"));
        assertEquals(Job.Status.DONE, queue.job(job).orElseThrow().status());
        browser.screenshot("web-page-done");
        assertNoProblems("done");
    }

    @Test
    public void d_theDeadJobIsReplayedFromItsRow() {
        signIn();
        var d = browser.driver();
        long job = queue.all().stream().filter(j -> j.status() == Job.Status.DEAD).findFirst().orElseThrow().id();
        submit("#dead #job-" + job + " input[value=Replay]", "/#job-" + job);
        assertEquals("the result on the job's row", "Queued again", text("#job-" + job + " output.result"));
        assertTrue("no longer dead", d.findElements(By.cssSelector("#dead #job-" + job)).isEmpty());
        assertEquals("QUEUED", text("#jobs #job-" + job + " .status"));
        browser.screenshot("web-page-replayed");
        browser.screenshot("web-page-replayed-service", "#service");
        assertNoProblems("replayed");

        assertEquals(1, service.drain());
        browser.open(page("/"));
        assertEquals(Job.Status.DONE, queue.job(job).orElseThrow().status());
        assertTrue(text("#dead"), text("#dead").startsWith("None"));
        assertTrue(text("#service"), text("#service").contains("2 done"));
        assertNoProblems("after the replay");
    }
}
