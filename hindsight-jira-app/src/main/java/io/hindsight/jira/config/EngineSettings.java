package io.hindsight.jira.config;

import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyException;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.template.TemplateException;
import io.hindsight.core.template.TemplateRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the admin's YAML (SLO policy, templates) into the engine's policy and template registry, with
 * errors that name the setting and the line. Both are parsed on each use (they are small), so no node
 * holds a copy that another node's save would leave stale.
 */
public final class EngineSettings {
    /** What the admin page calls each YAML setting in messages. */
    public static final String POLICY_NAME = "SLO policy";
    public static final String TEMPLATES_NAME = "templates";

    private EngineSettings() {
    }

    /** The site's policy and templates, as the admin's settings give them now. */
    public record Rules(SloPolicy policy, TemplateRegistry templates) {
        public static Rules of(HindsightConfig config) {
            return new Rules(EngineSettings.policy(config.sloPolicyYaml()), EngineSettings.templates(config.templatesYaml()));
        }
    }

    public static SloPolicy policy(String yaml) {
        if (yaml == null || yaml.isBlank()) return SloPolicyLoader.defaults();
        return SloPolicyLoader.parse(yaml, POLICY_NAME);
    }

    /**
     * The built-in templates plus the admin's, given as one or more YAML documents separated by lines
     * holding only {@code ---}. Core reads templates from files only, so each document is written to a
     * temporary directory for the moment of reading; errors are reported against the admin's text.
     */
    public static TemplateRegistry templates(String yaml) {
        if (yaml == null || yaml.isBlank()) return TemplateRegistry.builtIn();
        List<Document> docs = documents(yaml);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hindsight-templates");
            for (Document d : docs) {
                Files.writeString(dir.resolve(String.format("t%03d.yaml", d.number())), d.text(), StandardCharsets.UTF_8);
            }
            try {
                return TemplateRegistry.withDirectory(dir);
            } catch (TemplateException e) {
                throw new TemplateException(relocate(e.getMessage(), dir, docs), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the templates for reading: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** All errors in the admin's YAML, each as "setting:line: what to fix"; empty when both read. */
    public static List<String> problems(String policyYaml, String templatesYaml) {
        List<String> out = new ArrayList<>();
        try {
            policy(policyYaml);
        } catch (SloPolicyException e) {
            out.add(e.getMessage());
        }
        try {
            templates(templatesYaml);
        } catch (TemplateException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    record Document(int number, int firstLine, String text) {
    }

    static List<Document> documents(String yaml) {
        List<Document> out = new ArrayList<>();
        String[] lines = yaml.split("\r?\n", -1);
        StringBuilder current = new StringBuilder();
        int first = 1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                if (!current.toString().isBlank()) out.add(new Document(out.size() + 1, first, current.toString()));
                current.setLength(0);
                first = i + 2;
                continue;
            }
            current.append(lines[i]).append('\n');
        }
        if (!current.toString().isBlank()) out.add(new Document(out.size() + 1, first, current.toString()));
        return out;
    }

    /** "<temporary dir>/t002.yaml:3: unknown field" becomes "templates:14: unknown field" (line in the admin's text). */
    static String relocate(String message, Path dir, List<Document> docs) {
        String m = message;
        for (Document d : docs) {
            String file = dir.resolve(String.format("t%03d.yaml", d.number())).toString();
            int at = m.indexOf(file);
            if (at < 0) continue;
            String rest = m.substring(at + file.length());
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("^:(\\d+)").matcher(rest);
            if (line.find()) {
                int n = Integer.parseInt(line.group(1)) + d.firstLine() - 1;
                m = m.substring(0, at) + TEMPLATES_NAME + ":" + n + rest.substring(line.end());
            } else {
                m = m.substring(0, at) + TEMPLATES_NAME + " (document " + d.number() + ", from line " + d.firstLine() + ")" + rest;
            }
        }
        return m;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
