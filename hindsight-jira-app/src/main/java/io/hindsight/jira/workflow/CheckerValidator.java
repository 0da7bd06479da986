package io.hindsight.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.module.propertyset.PropertySet;
import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.Validator;
import io.hindsight.core.lint.Finding;
import io.hindsight.jira.check.CheckResult;
import io.hindsight.jira.check.CheckService;

import java.util.List;
import java.util.Map;

/**
 * The review gate: refuses a transition (to approved or published, wherever the admin puts it) while the
 * checker finds errors in the post-mortem, and names each one with its section and suggested rewrite.
 */
public class CheckerValidator implements Validator {
    static final int MAX_LISTED = 10;
    private final CheckService checks;
    private final I18nResolver i18n;

    public CheckerValidator(CheckService checks, I18nResolver i18n) {
        this.checks = checks;
        this.i18n = i18n;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void validate(Map transientVars, Map args, PropertySet ps) throws InvalidInputException {
        Object issue = transientVars.get("issue");
        if (!(issue instanceof Issue i)) throw new InvalidInputException(i18n.getText("hindsight.validator.no-issue"));
        CheckResult result;
        try {
            // the transition's issue object: the values its screen has just set are checked, not the stored ones
            result = checks.checkIssue(i);
        } catch (RuntimeException e) {
            // a gate that opens when it cannot look would be no gate: say why it stays shut
            throw new InvalidInputException(i18n.getText("hindsight.validator.cannot-check", e.getMessage()));
        }
        List<Finding> errors = result.errors();
        if (errors.isEmpty()) return;
        throw new InvalidInputException(message(errors));
    }

    String message(List<Finding> errors) {
        StringBuilder out = new StringBuilder(i18n.getText("hindsight.validator.refused", errors.size()));
        for (Finding f : errors.subList(0, Math.min(MAX_LISTED, errors.size()))) {
            out.append("\n• ").append(f.rule());
            if (!f.section().isEmpty()) out.append(" (").append(f.section()).append(')');
            out.append(": ").append(f.message());
            if (!f.excerpt().isEmpty()) out.append(" \"").append(f.excerpt()).append('"');
            if (!f.suggestion().isEmpty()) out.append(" → ").append(f.suggestion());
        }
        if (errors.size() > MAX_LISTED) out.append("\n").append(i18n.getText("hindsight.validator.more", errors.size() - MAX_LISTED));
        return out.toString();
    }
}
