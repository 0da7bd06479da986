package io.hindsight.atlassian.provision;

import io.hindsight.core.model.SectionKind;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.Jql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Jira site and Confluence space need for Hindsight: the Post-mortem issue type, one field per
 * structured section plus severity and the incident times, the remediation link type, a saved filter
 * and Kanban board for remediation tickets, and the Confluence parent page.
 *
 * @param project      the project that holds post-mortems
 * @param screenName   the screen the fields go on; "Default Screen" unless the project uses its own
 */
public record ProvisioningSpec(String project, String issueTypeName, List<FieldSpec> fields, String linkTypeName,
                               String linkInward, String linkOutward, String filterName, String filterJql, String boardName,
                               String screenName, String confluenceSpace, String parentPageTitle) {

    public enum FieldType {
        TEXTAREA("com.atlassian.jira.plugin.system.customfieldtypes:textarea", "com.atlassian.jira.plugin.system.customfieldtypes:textsearcher", "multi-line text"),
        SELECT("com.atlassian.jira.plugin.system.customfieldtypes:select", "com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher", "select list"),
        DATETIME("com.atlassian.jira.plugin.system.customfieldtypes:datetime", "com.atlassian.jira.plugin.system.customfieldtypes:datetimerange", "date and time"),
        DATE("com.atlassian.jira.plugin.system.customfieldtypes:datepicker", "com.atlassian.jira.plugin.system.customfieldtypes:daterange", "date"),
        TEXT("com.atlassian.jira.plugin.system.customfieldtypes:textfield", "com.atlassian.jira.plugin.system.customfieldtypes:textsearcher", "single-line text");

        public final String key;
        public final String searcher;
        public final String label;

        FieldType(String key, String searcher, String label) {
            this.key = key;
            this.searcher = searcher;
            this.label = label;
        }
    }

    /** @param key Hindsight's name for the field: a section id, "severity", or a time such as "started" */
    public record FieldSpec(String key, String name, FieldType type, String description) {
    }

    public ProvisioningSpec {
        fields = List.copyOf(fields);
    }

    /** The same, with the fields going on another screen (a project with its own screen scheme). */
    public ProvisioningSpec withScreen(String screen) {
        return new ProvisioningSpec(project, issueTypeName, fields, linkTypeName, linkInward, linkOutward, filterName, filterJql, boardName, screen,
                confluenceSpace, parentPageTitle);
    }

    public static ProvisioningSpec defaults(String project, String remediationLabel, String confluenceSpace) {
        List<FieldSpec> fields = new ArrayList<>();
        for (SectionKind k : SectionKind.values()) {
            if (k == SectionKind.CUSTOM) continue;
            String name = k == SectionKind.SUMMARY ? Schema.SUMMARY_FIELD : k.heading();
            fields.add(new FieldSpec(k.id(), name, FieldType.TEXTAREA, "Hindsight post-mortem: " + k.heading().toLowerCase(java.util.Locale.ROOT)));
        }
        fields.add(new FieldSpec("severity", Schema.SEVERITY_FIELD, FieldType.SELECT, "Hindsight post-mortem: SEV1 (worst) to SEV4"));
        for (String t : Schema.TIMES) {
            fields.add(new FieldSpec(t, Schema.timeField(t), FieldType.DATETIME, "Hindsight post-mortem: when the incident was " + t));
        }
        // the SLO policy counts due dates from approval: without the date in Jira they would be counted afresh on every sync
        fields.add(new FieldSpec("approved", Schema.APPROVED_FIELD, FieldType.DATE, "Hindsight post-mortem: the day it was approved; remediation due dates count from it"));
        for (String people : Schema.PEOPLE) {
            fields.add(new FieldSpec(people, Schema.peopleField(people), FieldType.TEXT, "Hindsight post-mortem: " + people + ", comma-separated user names"));
        }
        fields.add(new FieldSpec("services", Schema.SERVICES_FIELD, FieldType.TEXT, "Hindsight post-mortem: the services affected, comma-separated"));
        return new ProvisioningSpec(project, Schema.POST_MORTEM_TYPE, fields, Schema.LINK_TYPE, Schema.LINK_INWARD, Schema.LINK_OUTWARD,
                Schema.FILTER_NAME, "labels = " + Jql.quote(remediationLabel) + " ORDER BY duedate ASC",
                Schema.BOARD_NAME, "Default Screen", confluenceSpace, Schema.PARENT_PAGE_TITLE);
    }
}
