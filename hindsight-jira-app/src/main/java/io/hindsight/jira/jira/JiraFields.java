package io.hindsight.jira.jira;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.port.Schema;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The post-mortem's provisioned fields on this site, and their values as Jira's Java API holds them
 * (String, select {@link Option}, {@link Timestamp}) turned into the values the REST host reads and writes
 * ({@link JiraModel.FieldValue}), so both hosts share one mapping of a post-mortem to fields:
 * {@code PostMortemFields}. No rule lives here, only the change of representation.
 */
public final class JiraFields {
    /** The fields Hindsight provisions, the same list as {@code hindsight provision}'s. */
    public static final List<ProvisioningSpec.FieldSpec> SPEC = ProvisioningSpec.defaults("PM", Schema.TICKET_LABEL, "").fields();
    /** How Jira's REST API writes a date-time, and how {@code PostMortemFields} reads one. */
    static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** A provisioned field as it exists here. */
    public record Field(ProvisioningSpec.FieldSpec spec, CustomField field) {
    }

    private final CustomFieldManager customFields;
    private final OptionsManager options;

    public JiraFields(CustomFieldManager customFields, OptionsManager options) {
        this.customFields = customFields;
        this.options = options;
    }

    /** The provisioned fields that exist, by Hindsight's key ("root_cause", "severity", "started", ...). Read afresh each time. */
    public Map<String, Field> present() {
        Map<String, Field> out = new LinkedHashMap<>();
        for (ProvisioningSpec.FieldSpec s : SPEC) {
            customFields.getCustomFieldObjectsByName(s.name()).stream().findFirst().ifPresent(cf -> out.put(s.key(), new Field(s, cf)));
        }
        return out;
    }

    /**
     * The ids {@code PostMortemFields} maps with: only the fields this site has. The mapping reads a field without
     * an id as absent and writes nothing for it.
     */
    public static ProvisionedIds ids(Map<String, Field> fields) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (ProvisioningSpec.FieldSpec s : SPEC) if (fields.containsKey(s.key())) ids.put(s.key(), fields.get(s.key()).field().getId());
        return new ProvisionedIds(null, ids, Schema.LINK_TYPE, null, null, null);
    }

    /** An issue as the REST adapter's model has it, with the post-mortem's field values; links and properties are not read. */
    public static JiraModel.Issue model(Issue issue, Map<String, Field> fields) {
        Map<String, JiraModel.FieldValue> values = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            JiraModel.FieldValue v = read(f.spec().type(), issue.getCustomFieldValue(f.field()));
            if (v != null) values.put(f.field().getId(), v);
        }
        String status = issue.getStatus() == null ? null : issue.getStatus().getName();
        return new JiraModel.Issue(issue.getId() == null ? null : String.valueOf(issue.getId()), issue.getKey(), issue.getSummary(),
                issue.getIssueType() == null ? null : issue.getIssueType().getName(), issue.getIssueType() == null ? null : issue.getIssueType().getId(),
                issue.getProjectObject() == null ? null : issue.getProjectObject().getKey(),
                status, category(issue), null, null, null, List.of(), List.of(), values, Map.of());
    }

    static JiraModel.StatusCategory category(Issue issue) {
        String key = issue.getStatus() == null || issue.getStatus().getStatusCategory() == null ? "" : issue.getStatus().getStatusCategory().getKey();
        return switch (key == null ? "" : key) {
            case "done" -> JiraModel.StatusCategory.DONE;
            case "indeterminate" -> JiraModel.StatusCategory.IN_PROGRESS;
            default -> JiraModel.StatusCategory.TO_DO;
        };
    }

    static JiraModel.FieldValue read(ProvisioningSpec.FieldType type, Object value) {
        if (value == null) return null;
        return switch (type) {
            case TEXTAREA, TEXT -> new JiraModel.Text(value.toString());
            case SELECT -> value instanceof Option o ? new JiraModel.Option(o.getValue()) : new JiraModel.Option(value.toString());
            case DATETIME -> value instanceof Date d ? new JiraModel.DateTime(JIRA_DATE_TIME.format(d.toInstant().atZone(ZoneOffset.UTC))) : null;
            case DATE -> value instanceof Timestamp t ? new JiraModel.Text(t.toLocalDateTime().toLocalDate().toString())
                    : value instanceof Date d ? new JiraModel.Text(new Timestamp(d.getTime()).toLocalDateTime().toLocalDate().toString()) : null;
        };
    }

    /**
     * Sets the values {@code PostMortemFields.values} gives (by field id) on the issue, each as its field type
     * takes it. A select value the field does not offer is an error that says which option to add.
     */
    public void write(MutableIssue issue, Map<String, JiraModel.FieldValue> values, Map<String, Field> fields) {
        for (Field f : fields.values()) {
            JiraModel.FieldValue v = values.get(f.field().getId());
            if (v != null) issue.setCustomFieldValue(f.field(), javaValue(issue, f, v));
        }
    }

    private Object javaValue(Issue issue, Field f, JiraModel.FieldValue v) {
        return switch (f.spec().type()) {
            case TEXTAREA, TEXT -> v instanceof JiraModel.RichText r ? r.markdown() : v instanceof JiraModel.Text t ? t.value() : String.valueOf(v);
            case SELECT -> option(issue, f, v instanceof JiraModel.Option o ? o.value() : String.valueOf(v));
            case DATETIME -> Timestamp.from(ZonedDateTime.parse(((JiraModel.DateTime) v).iso(), JIRA_DATE_TIME).toInstant());
            case DATE -> Timestamp.valueOf(LocalDate.parse(((JiraModel.Text) v).value()).atStartOfDay());
        };
    }

    private Option option(Issue issue, Field f, String value) {
        FieldConfig config = f.field().getRelevantConfig(issue);
        List<Option> offered = config == null ? List.of() : options.getOptions(config);
        Optional<Option> o = offered == null ? Optional.empty() : offered.stream().filter(x -> value.equalsIgnoreCase(x.getValue())).findFirst();
        return o.orElseThrow(() -> new IllegalStateException("field '" + f.spec().name() + "' offers no option '" + value
                + "': add SEV1, SEV2, SEV3 and SEV4 as its options (Administration > Issues > Custom fields > " + f.spec().name() + " > Contexts and default value)"));
    }

    static Timestamp day(LocalDate day) {
        return day == null ? null : Timestamp.valueOf(day.atStartOfDay());
    }

    static LocalDate day(Date date) {
        return date == null ? null : new Timestamp(date.getTime()).toLocalDateTime().toLocalDate();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
