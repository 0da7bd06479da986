package io.hindsight.jira.check;

import com.atlassian.jira.issue.Issue;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.MarkdownWriter;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings.Rules;
import io.hindsight.jira.port.JiraSite;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks a post-mortem, given as Markdown or as an issue, with the site's templates and SLO policy. An
 * issue's post-mortem is written out in the file grammar and read back (its fields hold that grammar, so the
 * round trip is exact) before the check: waivers ({@code <!-- hindsight-ignore rule: reason -->}) then apply
 * to the lines they stand on, as in a Markdown file. Line numbers of that text mean nothing to someone
 * looking at the issue, so an issue's findings name their section and sentence instead.
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
        Rules engine = engine();
        ParsedPostMortem parsed = new MarkdownReader(engine.policy().actionClasses()).read(markdown, name);
        return check(engine, parsed, true);
    }

    /** Empty when there is no such post-mortem issue. */
    public Optional<CheckResult> checkIssue(String issueKey) {
        Rules engine = engine();
        // load answers for any issue, saying what it is: only a post-mortem is checked
        return site.postMortems(engine.policy().actionClasses()).load(IssueKey.of(issueKey)).filter(io.hindsight.core.port.PostMortemStore.Stored::isPostMortem)
                .map(stored -> checkPostMortem(engine, stored.postMortem(), issueKey));
    }

    /** The post-mortem as an issue object holds it: in a transition, with the values its screen has just set. */
    public CheckResult checkIssue(Issue issue) {
        Rules engine = engine();
        return checkPostMortem(engine, site.read(issue, engine.policy().actionClasses()), issue.getKey());
    }

    private CheckResult checkPostMortem(Rules engine, PostMortem pm, String name) {
        String markdown = new MarkdownWriter().write(pm);
        return check(engine, new MarkdownReader(engine.policy().actionClasses()).read(markdown, name), false);
    }

    private CheckResult check(Rules engine, ParsedPostMortem parsed, boolean keepLines) {
        Checker checker = new Checker(engine.templates(), engine.policy(), clock);
        LintReport report = checker.check(parsed);
        CompletenessReport completeness = CompletenessReport.of(parsed.postMortem(), checker.templateFor(parsed.postMortem()));
        CheckResult result = CheckResult.of(report, completeness);
        return keepLines ? result : result.withFindings(withoutLines(result.findings()));
    }

    private static List<Finding> withoutLines(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.rule(), f.level(), f.section(), 0, f.message(), f.excerpt(), f.suggestion())).toList();
    }

    private Rules engine() {
        return Rules.of(settings.config());
    }
}
