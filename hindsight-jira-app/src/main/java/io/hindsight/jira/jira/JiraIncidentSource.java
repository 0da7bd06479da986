package io.hindsight.jira.jira;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import io.hindsight.core.model.Severity;
import io.hindsight.core.port.Schema;
import io.hindsight.jira.incident.Incident;
import io.hindsight.jira.port.IncidentSource;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Reads an incident issue: its summary, its severity (the provisioned "Incident severity" field where the
 * incident has it, else a priority named like a severity, "SEV2" or "Sev 2"), and its creation as the start.
 */
public final class JiraIncidentSource implements IncidentSource {
    private final IssueManager issues;
    private final CustomFieldManager fields;

    public JiraIncidentSource(IssueManager issues, CustomFieldManager fields) {
        this.issues = issues;
        this.fields = fields;
    }

    @Override
    public Optional<Incident> incident(String issueKey) {
        Issue issue = issues.getIssueObject(issueKey);
        if (issue == null) return Optional.empty();
        Optional<ZonedDateTime> started = Optional.ofNullable(issue.getCreated()).map(t -> t.toInstant().atZone(ZoneOffset.UTC));
        return Optional.of(new Incident(issue.getKey(), issue.getSummary() == null ? "" : issue.getSummary(), severity(issue), started));
    }

    private Optional<Severity> severity(Issue issue) {
        for (CustomField f : fields.getCustomFieldObjectsByName(Schema.SEVERITY_FIELD)) {
            Object v = issue.getCustomFieldValue(f);
            String text = v instanceof Option o ? o.getValue() : v instanceof String s ? s : null;
            Optional<Severity> s = Severity.parse(text);
            if (s.isPresent()) return s;
        }
        return issue.getPriority() == null ? Optional.empty() : Severity.parse(issue.getPriority().getName());
    }
}
