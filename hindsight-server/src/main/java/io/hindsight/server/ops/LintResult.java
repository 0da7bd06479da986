package io.hindsight.server.ops;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.Template;

/** One post-mortem's check: what was read, what was found, how complete its template is. Shared by the CLI and the API. */
public record LintResult(String file, ParsedPostMortem parsed, LintReport report, Template template, int percentComplete) {
    public static LintResult of(String name, ParsedPostMortem parsed, Checker checker) {
        Template template = checker.templateFor(parsed.postMortem());
        return new LintResult(name, parsed, checker.check(parsed), template, CompletenessReport.of(parsed.postMortem(), template).percentFilled());
    }
}
