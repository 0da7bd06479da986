package io.hindsight.core.template;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import io.hindsight.core.yaml.YamlFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The templates a site can use: the built-in ones, overridden or added to by YAML files an admin puts
 * in a directory (a file with the same id replaces the built-in one).
 */
public final class TemplateRegistry {
    public static final List<String> BUILT_IN = List.of("atlassian", "google-sre", "lightweight", "security");
    private static final String FALLBACK = "lightweight";

    private final Map<String, Template> templates;

    private TemplateRegistry(Map<String, Template> templates) {
        this.templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    public static TemplateRegistry builtIn() {
        Map<String, Template> map = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            String resource = "/io/hindsight/core/template/" + id + ".yaml";
            try (InputStream in = TemplateRegistry.class.getResourceAsStream(resource)) {
                if (in == null) throw new TemplateException("built-in template " + resource + " is missing from the jar");
                map.put(id, parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource));
            } catch (IOException e) {
                throw new TemplateException("cannot read " + resource, e);
            }
        }
        return new TemplateRegistry(map);
    }

    /** The built-in templates plus every {@code *.yaml} / {@code *.yml} file in {@code dir}. */
    public static TemplateRegistry withDirectory(Path dir) {
        Map<String, Template> map = new LinkedHashMap<>(builtIn().templates);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                Template t = parse(Files.readString(f), f.toString());
                map.put(t.id(), t);
            }
        } catch (IOException e) {
            throw new TemplateException("cannot read the template directory " + dir + ": " + e.getMessage(), e);
        }
        return new TemplateRegistry(map);
    }

    public Optional<Template> get(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public Collection<Template> all() {
        return templates.values();
    }

    /** The template a post-mortem names, or the default for its severity, or the lightweight one. */
    public Template forPostMortem(PostMortem pm) {
        if (pm.template() != null && templates.containsKey(pm.template())) return templates.get(pm.template());
        if (pm.severity() != null) {
            for (Template t : templates.values()) {
                if (t.defaultFor().contains(pm.severity())) return t;
            }
        }
        return templates.getOrDefault(FALLBACK, templates.values().iterator().next());
    }

    // The YAML shape of a template file; mapped to the immutable model right after reading.
    private record FileSection(String section, String heading, String question, Object required) {
    }

    private record File(String id, String name, String description, List<String> defaultFor, List<FileSection> sections) {
    }

    static Template parse(String yaml, String fileName) {
        File f;
        try {
            f = YamlFiles.read(yaml, fileName, File.class,
                    "id, name, description, defaultFor, sections with section, heading, question, required");
        } catch (YamlFiles.YamlFileException e) {
            throw new TemplateException(e.getMessage(), e);
        }
        if (f == null || f.id() == null || f.id().isBlank()) throw new TemplateException(fileName + ": 'id' is missing");
        if (f.sections() == null || f.sections().isEmpty()) throw new TemplateException(fileName + ": 'sections' is missing or empty");
        List<TemplateSection> sections = new ArrayList<>();
        int n = 0;
        for (FileSection s : f.sections()) {
            n++;
            SectionKind kind;
            try {
                kind = s.section() == null ? SectionKind.CUSTOM : SectionKind.fromId(s.section());
            } catch (IllegalArgumentException e) {
                throw new TemplateException(fileName + ": section " + n + ": unknown section '" + s.section()
                        + "'; use one of summary, impact, detection, response, recovery, trigger, root-cause, five-whys,"
                        + " contributing-factors, timeline, what-went-well, what-went-wrong, where-we-got-lucky,"
                        + " lessons-learned, action-items, or leave it out and give a heading for a custom section");
            }
            if (kind == SectionKind.CUSTOM && (s.heading() == null || s.heading().isBlank())) {
                throw new TemplateException(fileName + ": section " + n + ": a custom section needs a 'heading'");
            }
            sections.add(new TemplateSection(kind, s.heading(), s.question(), severities(s.required(), fileName, n)));
        }
        Set<Severity> defaultFor = severities(f.defaultFor(), fileName, 0);
        return new Template(f.id(), f.name(), f.description(), defaultFor, sections);
    }

    private static Set<Severity> severities(Object value, String fileName, int section) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        if (value == null || Boolean.FALSE.equals(value)) return out;
        if (Boolean.TRUE.equals(value) || "all".equals(value)) return EnumSet.allOf(Severity.class);
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        for (Object o : items) {
            Severity s = Severity.parse(String.valueOf(o)).orElseThrow(() -> new TemplateException(fileName
                    + (section > 0 ? ": section " + section : "") + ": '" + o + "' is not a severity; write SEV1..SEV4, 'all' or true"));
            out.add(s);
        }
        return out;
    }
}
