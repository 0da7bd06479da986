package io.hindsight.jira.web.view;

import java.util.List;

/** The "start a post-mortem" page: the incident, the template its severity chose, and the confirm form. */
public final class StartView {
    private final String incidentKey;
    private final String incidentSummary;
    private final String severity;
    private final String templateName;
    private final List<String> sections;
    private final String formToken;
    private final String formAction;
    private final String problem;
    private final boolean startable;

    /** @param startable false when the post-mortem cannot be created until an administrator acts: the page then offers no button */
    public StartView(String incidentKey, String incidentSummary, String severity, String templateName, List<String> sections,
                     String formToken, String formAction, String problem, boolean startable) {
        this.incidentKey = incidentKey;
        this.incidentSummary = incidentSummary;
        this.severity = severity;
        this.templateName = templateName;
        this.sections = List.copyOf(sections);
        this.formToken = formToken == null ? "" : formToken;
        this.formAction = formAction;
        this.problem = problem == null ? "" : problem;
        this.startable = startable;
    }

    public boolean isStartable() {
        return startable;
    }

    public String getIncidentKey() {
        return incidentKey;
    }

    public String getIncidentSummary() {
        return incidentSummary;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTemplateName() {
        return templateName;
    }

    public List<String> getSections() {
        return sections;
    }

    public String getFormToken() {
        return formToken;
    }

    public String getFormAction() {
        return formAction;
    }

    public boolean hasProblem() {
        return !problem.isEmpty();
    }

    public String getProblem() {
        return problem;
    }
}
