package io.hindsight.jira.velocity;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.jira.check.CheckResult;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.web.view.CheckerPanelView;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The checker panel's script ({@code js/checker-panel.js}) in headless Chromium, on the panel as the real
 * template renders it (Velocity 1.6.4, the descriptor's allowlist): Jira's issue refresh event makes it POST
 * the issue key as JSON to the lint resource, and it redraws completeness, missing sections and findings from
 * the answer with the author's text as text (a finding quoting {@code <img onerror>} stays words on the page).
 * Jira's own {@code JIRA.bind}/{@code AJS.contextPath} and {@code fetch} are stubbed here; the answer has the
 * shape {@code RestResourcesTest.theLintAnswerCarriesEveryFieldThePanelScriptReads} ties to the real resource.
 * Skipped where Chromium is absent, unless {@code HINDSIGHT_BROWSER_TESTS=required} (CI).
 */
public class CheckerPanelScriptTest {
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\">";
    private static ChromeDriver driver;
    private static Path dir;
    private final I18n i18n = new I18n();

    @BeforeClass
    public static void startChromium() throws IOException {
        JiraVelocity.requireVelocity164();
        Path chromium = executable("HINDSIGHT_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = executable("HINDSIGHT_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String why = "the panel script test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("HINDSIGHT_BROWSER_TESTS"))) throw new AssertionError(why);
            Assume.assumeTrue(why, false);
        }
        dir = Files.createTempDirectory("hindsight-panel-script-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(), options);
    }

    @AfterClass
    public static void stopChromium() throws IOException {
        if (driver != null) driver.quit();
        if (dir != null) try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void onAnIssueRefreshItAsksTheLintResourceAndRedrawsTheFindingsAsText() throws Exception {
        open("""
                {"errors": 1, "warnings": 0, "completeness": {"template": "atlassian", "percentFilled": 80, "missingRequired": ["Lessons learned"]},
                 "findings": [{"rule": "blameless.person-blamed", "level": "error", "section": "Root cause", "line": 0,
                               "message": "names a person as the cause", "excerpt": %s, "suggestion": "Describe what the system allowed"}]}
                """.formatted(json(HOSTILE)));
        assertEquals("the template's own findings before the refresh", 1, driver.findElements(By.cssSelector(".hindsight-findings li")).size());

        refreshAndWait();
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) driver.executeScript("return window.lintRequest;");
        assertEquals("/jira/rest/hindsight/1.0/lint", request.get("url"));
        assertEquals("POST", request.get("method"));
        assertEquals("{\"issueKey\":\"PM-7\"}", request.get("body"));
        assertEquals("application/json", request.get("contentType"));

        assertEquals("80%", driver.findElement(By.cssSelector(".hindsight-percent")).getText());
        assertEquals(List.of("Lessons learned"), texts(".hindsight-missing li"));
        assertEquals(i18n.getText("hindsight.panel.errors") + " 1", driver.findElement(By.cssSelector(".hindsight-blocking")).getText());
        assertEquals(1, driver.findElements(By.cssSelector(".hindsight-findings li")).size());
        assertEquals("the author's words, shown as words", HOSTILE, driver.findElement(By.cssSelector(".hindsight-findings blockquote")).getText());
        assertTrue(driver.findElement(By.cssSelector(".hindsight-suggestion")).getText().startsWith(i18n.getText("hindsight.panel.suggestion") + " Describe"));
        assertEquals("no element made from user text", 0, driver.findElements(By.cssSelector(".hindsight-checker img")).size());
        assertNull(driver.executeScript("return window.pwned;"));
    }

    @Test
    public void aPostMortemFixedInPlaceShowsTheCleanMessage() throws Exception {
        open("""
                {"errors": 0, "warnings": 0, "completeness": {"template": "atlassian", "percentFilled": 100, "missingRequired": []}, "findings": []}
                """);
        refreshAndWait();
        assertEquals(i18n.getText("hindsight.panel.clean"), driver.findElement(By.cssSelector(".hindsight-clean")).getText());
        assertTrue(driver.findElements(By.cssSelector(".hindsight-findings, .hindsight-blocking, .hindsight-missing")).isEmpty());
        assertEquals("100%", driver.findElement(By.cssSelector(".hindsight-percent")).getText());
    }

    /** The panel as the template renders it for PM-7 (one finding), Jira's script API stubbed, the lint resource answering {@code answer}. */
    private void open(String answer) throws IOException {
        Finding finding = new Finding("actionability.vague", Level.WARNING, "Action items", 12, "too vague", "Improve monitoring", "Name what to alert on");
        CheckResult before = new CheckResult(List.of(finding), "atlassian", "Atlassian incident post-mortem", 50, List.of("Timeline"));
        JiraVelocity velocity = JiraVelocity.forDescriptor();
        String panel = velocity.render("templates/checker-panel.vm", Map.of("panel", CheckerPanelView.of(before), "i18n", i18n, "issueKey", "PM-7"));
        assertEquals(List.of(), velocity.violations());
        String script;
        try (InputStream in = getClass().getResourceAsStream("/js/checker-panel.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String stubs = """
                window.AJS = {contextPath: function () { return '/jira'; }};
                window.JIRA = {Events: {ISSUE_REFRESHED: 'issueRefreshed', NEW_CONTENT_ADDED: 'newContentAdded'},
                               CONTENT_ADDED_REASON: {panelRefreshed: 'panelRefreshed'}, handlers: {},
                               bind: function (type, f) { (this.handlers[type] = this.handlers[type] || []).push(f); },
                               trigger: function (type, args) { (this.handlers[type] || []).forEach(function (f) { f.apply(null, [{}].concat(args || [])); }); }};
                window.fetch = function (url, init) {
                    window.lintRequest = {url: url, method: init.method, body: init.body, contentType: init.headers['Content-Type']};
                    return Promise.resolve({ok: true, status: 200, json: function () { return Promise.resolve(%s); }});
                };
                """.formatted(answer);
        Path page = dir.resolve("panel.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + stubs + "</script></head><body>" + panel
                + "<script>" + script + "</script></body></html>", StandardCharsets.UTF_8);
        driver.get(page.toUri().toString());
    }

    private void refreshAndWait() {
        driver.executeScript("JIRA.trigger(JIRA.Events.ISSUE_REFRESHED, ['10007']);");
        // the stubbed fetch resolves at once; a macrotask later the promise chain has run
        driver.executeAsyncScript("var done = arguments[arguments.length - 1]; setTimeout(done, 50);");
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText()).toList();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Path executable(String env, String... candidates) {
        String named = System.getenv(env);
        if (named != null && !named.isBlank()) return Files.isExecutable(Path.of(named)) ? Path.of(named) : null;
        for (String c : candidates) if (Files.isExecutable(Path.of(c))) return Path.of(c);
        return null;
    }
}
