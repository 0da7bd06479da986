package io.hindsight.server.ops;

import io.hindsight.core.usecase.LintResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --format json} shape of lint results: stable field names for tools and CI annotations. */
public final class LintJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LintJson() {
    }

    public static String write(List<LintResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", results.stream().map(LintJson::file).toList());
        root.put("errors", results.stream().mapToLong(r -> r.report().count(Level.ERROR)).sum());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lint results cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> file(LintResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("title", r.parsed().postMortem().title());
        m.put("template", r.template().id());
        m.put("percentComplete", r.percentComplete());
        m.put("errors", r.report().count(Level.ERROR));
        m.put("warnings", r.report().count(Level.WARNING));
        m.put("infos", r.report().count(Level.INFO));
        m.put("findings", r.report().findings().stream().map(LintJson::finding).toList());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("family", f.family());
        m.put("level", f.level().label());
        m.put("line", f.line());
        m.put("section", f.section());
        m.put("message", f.message());
        m.put("excerpt", f.excerpt());
        m.put("suggestion", f.suggestion());
        // how sure the checker is (0..1); blameless findings below the policy's blockingConfidence are warnings
        m.put("confidence", f.confidence());
        return m;
    }
}
