package io.hindsight.core.usecase;

import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.template.Template;

/** One post-mortem's check: what was read, what was found, how complete its template is. */
public record LintResult(String file, ParsedPostMortem parsed, LintReport report, Template template, int percentComplete) {
}
