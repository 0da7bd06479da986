package io.hindsight.jira.check;

import com.atlassian.jira.issue.Issue;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.MarkdownWriter;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.sync.NotAPostMortem;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.LintResult;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings.Rules;
import io.hindsight.jira.port.JiraSite;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks a post-mortem, given as Markdown or as an issue, with the site's templates and SLO policy, through the
 * core's {@link LintPostMortem}: the use case the CLI and the service run, so the panel, the gate and the REST
 * resource find what they find. A stored issue is checked as the sync checks it (waivers
 * {@code <!-- hindsight-ignore rule: reason -->} in its fields apply to the lines they stand on). Line numbers
 * of the Markdown a post-mortem's fields hold mean nothing to someone looking at the issue, so an issue's
 * findings name their section and sentence instead.
 */
public final class CheckService {
    private final AdminSettings settings;
    private final JiraSite site;
    private final Clock clock;

    public CheckService(AdminSettings settings, JiraSite site, Clock clock) {
        this.settings = settings;
        this.site = site;
        this.clock = clock;
    }

    public CheckResult checkMarkdown(String markdown, String name) {
        return CheckResult.of(lint(engine()).markdown(markdown, name));
    }

    /** Empty when there is no such post-mortem issue (or it is another kind of issue). */
    public Optional<CheckResult> checkIssue(String issueKey) {
        try {
            return lint(engine()).issue(IssueKey.of(issueKey)).map(CheckResult::of);
        } catch (NotAPostMortem e) {
            return Optional.empty();
        }
    }

    /**
     * The post-mortem as an issue object holds it: in a transition, with the values its screen has just set and
     * nothing stored yet. Its fields are written out in the file grammar (the grammar they hold, so the round
     * trip is exact) and checked as Markdown, so waivers in them apply.
     */
    public CheckResult checkIssue(Issue issue) {
        Rules engine = engine();
        String markdown = new MarkdownWriter().write(site.read(issue, engine.policy().actionClasses()));
        CheckResult result = CheckResult.of(lint(engine).markdown(markdown, issue.getKey()));
        return result.withFindings(withoutLines(result.findings()));
    }

    /** The use case over the current settings (read per use: another node may have changed them). */
    private LintPostMortem lint(Rules engine) {
        return new LintPostMortem(new MarkdownReader(engine.policy().actionClasses()), new Checker(engine.templates(), engine.policy(), clock),
                site.postMortems(engine.policy().actionClasses()));
    }

    private static List<Finding> withoutLines(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.rule(), f.level(), f.section(), 0, f.message(), f.excerpt(), f.suggestion())).toList();
    }

    private Rules engine() {
        return Rules.of(settings.config());
    }
}
