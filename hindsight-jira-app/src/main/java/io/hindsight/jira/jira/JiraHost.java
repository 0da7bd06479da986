package io.hindsight.jira.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.UrlMode;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.jira.confluence.ConfluenceTarget;
import io.hindsight.jira.port.JiraSite;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@link JiraSite} over Jira's Java API in this JVM, and Confluence by token or Application Link. */
public final class JiraHost implements JiraSite {
    private final JiraApi jira;
    private final RunAs runAs;
    private final JiraAuthenticationContext auth;
    private final ConfluenceTarget confluence;
    private final ApplicationProperties application;
    private final I18nResolver i18n;

    public JiraHost(JiraApi jira, RunAs runAs, JiraAuthenticationContext auth, ConfluenceTarget confluence, ApplicationProperties application,
                    I18nResolver i18n) {
        this.jira = jira;
        this.runAs = runAs;
        this.auth = auth;
        this.confluence = confluence;
        this.application = application;
        this.i18n = i18n;
    }

    @Override
    public PostMortemStore postMortems(Set<String> actionClasses) {
        return new JiraPostMortems(jira, runAs::user, actionClasses, i18n);
    }

    @Override
    public TicketTracker tickets() {
        return new JiraTickets(jira, runAs::user, i18n);
    }

    @Override
    public PostMortemStore postMortemsForCurrentUser(Set<String> actionClasses) {
        return new JiraPostMortems(jira, this::signedIn, actionClasses, i18n);
    }

    @Override
    public TicketTracker ticketsForCurrentUser() {
        return new JiraTickets(jira, this::signedIn, i18n);
    }

    private ApplicationUser signedIn() {
        ApplicationUser user = auth.getLoggedInUser();
        if (user == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.signed-out"));
        return user;
    }

    @Override
    public WikiPages pages() {
        return confluence.pages();
    }

    @Override
    public PostMortem read(Issue issue, Set<String> actionClasses) {
        return new JiraPostMortems(jira, runAs::user, actionClasses, i18n).read(issue);
    }

    /** Created as the signed-in user (the one who pressed the button), so Jira checks that they may create issues there. */
    @Override
    public io.hindsight.jira.port.ProjectReadiness readinessForPostMortems(String project) {
        return new JiraPostMortems(jira, this::signedIn, Set.of(), i18n).readiness(project);
    }

    @Override
    public IssueKey startPostMortem(String incidentKey, String project, PostMortem draft, Set<String> actionClasses) {
        return new JiraPostMortems(jira, this::signedIn, actionClasses, i18n).createFor(incidentKey, project, draft);
    }

    @Override
    public Optional<String> ownAccount() {
        return runAs.name();
    }

    @Override
    public String baseUrl() {
        return application.getBaseUrl(UrlMode.CANONICAL);
    }

    @Override
    public <T> T asHindsight(Supplier<T> work) {
        ApplicationUser before = auth.getLoggedInUser();
        auth.setLoggedInUser(runAs.user());
        try {
            return work.get();
        } finally {
            auth.setLoggedInUser(before);
        }
    }
}
