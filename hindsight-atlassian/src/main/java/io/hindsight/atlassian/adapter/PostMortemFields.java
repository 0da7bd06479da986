package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.MarkdownWriter;
import io.hindsight.core.markdown.TimeFormats;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post-mortem as Jira fields and back. Each section lives in its provisioned field as Markdown, in
 * the same grammar as a post-mortem file (action items, timeline, whys): stored as written on Data
 * Center, as ADF on Cloud (Cloud's multi-line fields take nothing else).
 */
public final class PostMortemFields {
    private static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private final ProvisionedIds ids;
    private final JiraModel.Deployment deployment;
    private final MarkdownReader reader;

    public PostMortemFields(ProvisionedIds ids, JiraModel.Deployment deployment, Set<String> actionClasses) {
        this.ids = ids;
        this.deployment = deployment;
        this.reader = new MarkdownReader(actionClasses);
    }

    /** The field ids a load asks for. */
    public List<String> fieldIds() {
        List<String> out = new ArrayList<>(List.of("summary", "status"));
        out.addAll(ids.fieldIds().values());
        return out;
    }

    /** The custom field values for a post-mortem, one per section that has content. */
    public Map<String, JiraModel.FieldValue> values(PostMortem pm) {
        Map<String, JiraModel.FieldValue> out = new LinkedHashMap<>();
        for (SectionKind kind : SectionKind.values()) {
            String id = ids.fieldIds().get(kind.id());
            if (id == null || kind == SectionKind.CUSTOM) continue;
            String markdown = sectionMarkdown(pm, kind);
            if (markdown.isBlank()) continue;
            out.put(id, deployment == JiraModel.Deployment.CLOUD ? new JiraModel.RichText(markdown) : new JiraModel.Text(markdown));
        }
        if (pm.severity() != null && ids.fieldIds().containsKey("severity")) out.put(ids.fieldIds().get("severity"), new JiraModel.Option(pm.severity().name()));
        if (pm.approved() != null && ids.fieldIds().containsKey("approved")) out.put(ids.fieldIds().get("approved"), new JiraModel.Text(pm.approved().toString()));
        putList(out, "approvers", pm.approvers());
        putList(out, "authors", pm.authors());
        putList(out, "services", pm.services());
        putTime(out, "started", pm.times().started());
        putTime(out, "detected", pm.times().detected());
        putTime(out, "mitigated", pm.times().mitigated());
        putTime(out, "resolved", pm.times().resolved());
        return out;
    }

    /** Names as one line, comma-separated: what a person would type into the field. */
    private void putList(Map<String, JiraModel.FieldValue> out, String key, List<String> names) {
        if (!names.isEmpty() && ids.fieldIds().containsKey(key)) out.put(ids.fieldIds().get(key), new JiraModel.Text(String.join(", ", names)));
    }

    private void putTime(Map<String, JiraModel.FieldValue> out, String key, ZonedDateTime t) {
        if (t != null && ids.fieldIds().containsKey(key)) out.put(ids.fieldIds().get(key), new JiraModel.DateTime(JIRA_DATE_TIME.format(t)));
    }

    /** One section's content in the file grammar, items included: what the section's field holds. */
    static String sectionMarkdown(PostMortem pm, SectionKind kind) {
        PostMortem only = new PostMortem(null, "x", null, null, null, null, null, null, null, null,
                pm.section(kind).map(List::of).orElse(List.of(Section.of(kind, ""))),
                kind == SectionKind.FIVE_WHYS ? pm.fiveWhys() : List.of(),
                kind == SectionKind.CONTRIBUTING_FACTORS ? pm.contributingFactors() : List.of(),
                kind == SectionKind.TIMELINE ? pm.timeline() : List.of(),
                kind == SectionKind.ACTION_ITEMS ? pm.actionItems() : List.of(), Map.of());
        String written = new MarkdownWriter().write(only);
        int body = written.indexOf("## ");
        if (body < 0) return "";
        return written.substring(written.indexOf('\n', body) + 1).strip();
    }

    /** Reads the post-mortem back from an issue, through the same Markdown reader as a file. */
    public PostMortem read(JiraModel.Issue issue) {
        return read(markdown(issue), issue.key());
    }

    public PostMortem read(String markdown, String key) {
        return reader.read(markdown, key).postMortem();
    }

    /**
     * The issue as it would read after {@code values} and {@code title} were written into it (no request: each
     * value as Jira gives it back), over the fields it had; its workflow status stands for the review state.
     */
    public JiraModel.Issue written(String id, String key, String title, Map<String, JiraModel.FieldValue> before, Map<String, JiraModel.FieldValue> values,
                                   String status, JiraModel.StatusCategory category) {
        Map<String, JiraModel.FieldValue> fields = new LinkedHashMap<>(before);
        values.forEach((k, v) -> fields.put(k, io.hindsight.atlassian.jira.JiraParsers.asReadBack(v, deployment)));
        return new JiraModel.Issue(id, key, title, io.hindsight.core.port.Schema.POST_MORTEM_TYPE, ids.issueTypeId(), null, status, category, null, null, null,
                List.of(io.hindsight.core.port.Schema.POST_MORTEM_LABEL), List.of(), fields, Map.of());
    }

    /** The Markdown an issue's fields hold, as one document: front matter from the metadata fields, a section per field. */
    public String markdown(JiraModel.Issue issue) {
        StringBuilder md = new StringBuilder("---\n");
        md.append("title: ").append(yaml(issue.summary())).append('\n').append("key: ").append(issue.key()).append('\n');
        JiraModel.FieldValue severity = field(issue, "severity");
        if (severity instanceof JiraModel.Option o) md.append("severity: ").append(yaml(o.value())).append('\n');
        for (String t : List.of("started", "detected", "mitigated", "resolved")) {
            JiraModel.FieldValue v = field(issue, t);
            String iso = v instanceof JiraModel.DateTime d ? d.iso() : v instanceof JiraModel.Text x ? x.value() : null;
            if (iso != null) md.append(t).append(": ").append(yaml(TimeFormats.format(ZonedDateTime.parse(iso, JIRA_DATE_TIME)))).append('\n');
        }
        state(issue).ifPresent(s -> md.append("state: ").append(s.label()).append('\n'));
        JiraModel.FieldValue approved = field(issue, "approved");
        if (approved instanceof JiraModel.Text a && !a.value().isBlank()) md.append("approved: ").append(yaml(a.value())).append('\n');
        for (String people : List.of("approvers", "authors", "services")) {
            JiraModel.FieldValue v = field(issue, people);
            if (!(v instanceof JiraModel.Text t) || t.value().isBlank()) continue;
            md.append(people).append(": [");
            md.append(String.join(", ", java.util.Arrays.stream(t.value().split(",")).map(String::strip).filter(n -> !n.isEmpty()).map(PostMortemFields::yaml).toList()));
            md.append("]\n");
        }
        md.append("---\n");
        for (SectionKind kind : SectionKind.values()) {
            String id = ids.fieldIds().get(kind.id());
            if (id == null || kind == SectionKind.CUSTOM) continue;
            JiraModel.FieldValue v = issue.fields().get(id);
            String text = v instanceof JiraModel.RichText r ? r.markdown() : v instanceof JiraModel.Text t ? t.value() : null;
            if (text != null && !text.isBlank()) md.append("\n## ").append(kind.heading()).append("\n\n").append(text.strip()).append('\n');
        }
        return md.toString();
    }

    /**
     * The value of one of Hindsight's fields; null when the issue has none, or when provisioning recorded no id for it
     * (an ids file from an older version, or a site where a field was left out): such a field is simply absent.
     */
    private JiraModel.FieldValue field(JiraModel.Issue issue, String name) {
        String id = ids.fieldIds().get(name);
        return id == null ? null : issue.fields().get(id);
    }

    /**
     * The review state, from the issue's workflow status: a status named like a state ("In Review",
     * "Approved", "Published") is that state; any other status in the Done category counts as closed.
     */
    static java.util.Optional<io.hindsight.core.model.State> state(JiraModel.Issue issue) {
        java.util.Optional<io.hindsight.core.model.State> named = io.hindsight.core.model.State.parse(issue.status());
        if (named.isPresent()) return named;
        return issue.statusCategory() == JiraModel.StatusCategory.DONE ? java.util.Optional.of(io.hindsight.core.model.State.CLOSED) : java.util.Optional.empty();
    }

    private static String yaml(String s) {
        return "\"" + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
