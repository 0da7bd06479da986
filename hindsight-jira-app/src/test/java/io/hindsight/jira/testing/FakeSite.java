package io.hindsight.jira.testing;

import com.atlassian.jira.issue.Issue;
import io.hindsight.core.fake.Faults;
import io.hindsight.core.fake.InMemoryConfluence;
import io.hindsight.core.fake.InMemoryJira;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.jira.port.JiraSite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Jira and a Confluence in memory, the core's honest fakes ({@link InMemoryJira}, {@link InMemoryConfluence}),
 * as the app's {@link JiraSite}: the use cases run on them exactly as on the Jira-API adapters.
 */
public final class FakeSite implements JiraSite {
    public final Faults faults = new Faults();
    public final InMemoryJira jira = InMemoryJira.withDefaults(faults);
    public final InMemoryConfluence confluence = new InMemoryConfluence(faults);
    /** Incident key by the post-mortem started from it. */
    public final Map<String, String> startedFrom = new LinkedHashMap<>();
    public int backgroundRuns;
    /** What {@link #readinessForPostMortems} answers for every project: the in-memory Jira has no issue type schemes. */
    public io.hindsight.jira.port.ProjectReadiness readiness = io.hindsight.jira.port.ProjectReadiness.READY;

    /** A post-mortem issue written from Markdown, as an author would fill its fields; its key must be the one expected. */
    public FakeSite put(String expectedKey, String markdown) {
        PostMortem pm = new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(markdown, expectedKey).postMortem();
        IssueKey key = jira.create(IssueKey.of(expectedKey).project(), pm).key();
        if (!key.value().equals(expectedKey)) throw new IllegalStateException("the fake gave " + key + ", not " + expectedKey);
        return this;
    }

    public void resetCounts() {
        jira.resetCounts();
        confluence.resetCounts();
    }

    /** Writes to Jira and Confluence since the last reset. */
    public int writes() {
        return jira.writes() + confluence.writes();
    }

    @Override
    public PostMortemStore postMortems(Set<String> actionClasses) {
        return jira;
    }

    @Override
    public TicketTracker tickets() {
        return jira;
    }

    @Override
    public PostMortemStore postMortemsForCurrentUser(Set<String> actionClasses) {
        return jira;
    }

    @Override
    public TicketTracker ticketsForCurrentUser() {
        return jira;
    }

    @Override
    public WikiPages pages() {
        return confluence;
    }

    @Override
    public PostMortem read(Issue issue, Set<String> actionClasses) {
        return jira.load(IssueKey.of(issue.getKey())).orElseThrow().postMortem();
    }

    @Override
    public io.hindsight.jira.port.ProjectReadiness readinessForPostMortems(String project) {
        return readiness;
    }

    @Override
    public IssueKey startPostMortem(String incidentKey, String project, PostMortem draft, Set<String> actionClasses) {
        IssueKey key = jira.create(project, draft).key();
        startedFrom.put(key.value(), incidentKey);
        return key;
    }

    @Override
    public Optional<String> ownAccount() {
        return Optional.of("hindsight");
    }

    @Override
    public String baseUrl() {
        return "https://jira.example.com";
    }

    @Override
    public <T> T asHindsight(Supplier<T> work) {
        backgroundRuns++;
        return work.get();
    }
}
