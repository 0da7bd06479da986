package io.hindsight.jira.jira;

import com.atlassian.jira.util.ErrorCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jira's validation errors as one line: "field: message; message". */
final class Errors {
    private Errors() {
    }

    static String describe(ErrorCollection errors) {
        if (errors == null) return "no reason given";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : errors.getErrors().entrySet()) parts.add(e.getKey() + ": " + e.getValue());
        parts.addAll(errors.getErrorMessages());
        return parts.isEmpty() ? "no reason given" : String.join("; ", parts);
    }

    /** The field Jira objected to first, or null when it named none. */
    static String firstField(ErrorCollection errors) {
        return errors == null || errors.getErrors().isEmpty() ? null : errors.getErrors().keySet().iterator().next();
    }
}
