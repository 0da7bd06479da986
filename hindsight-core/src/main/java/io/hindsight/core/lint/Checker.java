package io.hindsight.core.lint;

import io.hindsight.core.lint.blameless.Blame;
import io.hindsight.core.lint.blameless.BlamelessChecker;
import io.hindsight.core.markdown.FormatProblem;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.template.Template;
import io.hindsight.core.template.TemplateRegistry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reviews a post-mortem: blameless language, actionable actions, consistency with its template.
 * Pure and repeatable: the same post-mortem, templates, policy and day give the same report.
 */
public final class Checker {
    private final TemplateRegistry templates;
    private final SloPolicy policy;
    private final Clock clock;

    public Checker(TemplateRegistry templates, SloPolicy policy, Clock clock) {
        this.templates = templates;
        this.policy = policy;
        this.clock = clock;
        // the language model is read in the background while the caller reads and parses its post-mortems
        BlamelessChecker.warmUp();
    }

    /** Checks a post-mortem read from Markdown; what could not be read is reported too. */
    public LintReport check(ParsedPostMortem parsed) {
        return check(parsed.postMortem(), parsed.lines(), parsed.problems());
    }

    public LintReport check(PostMortem pm, SourceMap map, List<FormatProblem> problems) {
        Template template = templates.forPostMortem(pm);
        List<Finding> findings = new ArrayList<>();
        BlamelessChecker blameless = BlamelessChecker.forPostMortem(pm, policy.blockingConfidence());
        for (TextUnit unit : TextUnits.of(pm, map)) findings.addAll(findings(blameless, unit));
        findings.addAll(new ActionabilityRules(pm, map, policy, LocalDate.now(clock)).check());
        findings.addAll(new ConsistencyRules(pm, map, template).check(problems));
        return new LintReport(new Suppressions(pm, map).apply(findings));
    }

    /** The blameless-language findings of one sentence, at its place in the post-mortem. */
    public static List<Finding> findings(BlamelessChecker blameless, TextUnit unit) {
        List<Finding> out = new ArrayList<>();
        for (Blame b : blameless.check(unit.text(), unit.kind())) {
            Level level = switch (b.weight()) {
                case BLOCKING -> Level.ERROR;
                case WARNING -> Level.WARNING;
                case ADVICE -> Level.INFO;
            };
            out.add(new Finding(b.rule(), level, unit.section(), unit.line(), b.message(), b.excerpt(), b.suggestion(), b.confidence()));
        }
        return out;
    }

    /** The template a post-mortem is checked against. */
    public Template templateFor(PostMortem pm) {
        return templates.forPostMortem(pm);
    }
}
