package io.hindsight.jira.check;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings;
import io.hindsight.jira.config.HindsightConfig;
import io.hindsight.jira.port.PostMortemSource;

import java.time.Clock;
import java.util.Optional;

/** Checks a post-mortem, given as Markdown or as an issue, with the site's templates and SLO policy. */
public final class CheckService {
    private final AdminSettings settings;
    private final PostMortemSource source;
    private final Clock clock;

    public CheckService(AdminSettings settings, PostMortemSource source, Clock clock) {
        this.settings = settings;
        this.source = source;
        this.clock = clock;
    }

    public CheckResult checkMarkdown(String markdown, String name) {
        Engine engine = engine();
        ParsedPostMortem parsed = new MarkdownReader(engine.policy().actionClasses()).read(markdown, name);
        return check(engine, parsed);
    }

    /** Empty when there is no such issue. */
    public Optional<CheckResult> checkIssue(String issueKey) {
        Engine engine = engine();
        return source.read(issueKey).map(parsed -> check(engine, parsed));
    }

    private CheckResult check(Engine engine, ParsedPostMortem parsed) {
        Checker checker = new Checker(engine.templates(), engine.policy(), clock);
        LintReport report = checker.check(parsed);
        CompletenessReport completeness = CompletenessReport.of(parsed.postMortem(), checker.templateFor(parsed.postMortem()));
        return CheckResult.of(report, completeness);
    }

    private record Engine(TemplateRegistry templates, SloPolicy policy) {
    }

    private Engine engine() {
        HindsightConfig config = settings.config();
        return new Engine(EngineSettings.templates(config.templatesYaml()), EngineSettings.policy(config.sloPolicyYaml()));
    }
}
