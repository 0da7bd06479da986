package io.hindsight.jira.web.view;

import io.hindsight.jira.config.HindsightConfig;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueueCounts;

import java.util.List;

/**
 * The admin page: the settings form (the Confluence token only as set or not), the queue's counts and its
 * dead jobs, and what the last save or replay said.
 */
public final class AdminPageView {
    private final HindsightConfig config;
    private final QueueCounts counts;
    private final List<JobView> deadJobs;
    private final List<String> provisioning;
    private final List<String> problems;
    private final String notice;
    private final String formToken;
    private final String formAction;

    public AdminPageView(HindsightConfig config, QueueCounts counts, List<JobView> deadJobs, List<String> provisioning, List<String> problems, String notice,
                         String formToken, String formAction) {
        this.config = config;
        this.counts = counts;
        this.deadJobs = List.copyOf(deadJobs);
        this.provisioning = List.copyOf(provisioning);
        this.problems = List.copyOf(problems);
        this.notice = notice == null ? "" : notice;
        this.formToken = formToken == null ? "" : formToken;
        this.formAction = formAction;
    }

    public String getConfluenceUrl() {
        return config.confluenceUrl();
    }

    public String getConfluenceSpace() {
        return config.confluenceSpace();
    }

    public String getConfluenceParentPage() {
        return config.confluenceParentPage();
    }

    public boolean isConfluenceTokenSet() {
        return config.confluenceTokenSet();
    }

    public String getSloPolicyYaml() {
        return config.sloPolicyYaml();
    }

    public String getTemplatesYaml() {
        return config.templatesYaml();
    }

    public String getPostMortemProject() {
        return config.postMortemProject();
    }

    public String getJiraUser() {
        return config.jiraUser();
    }

    /** What the last provisioning found and did, a step a line. */
    public List<String> getProvisioning() {
        return provisioning;
    }

    public boolean hasProvisioning() {
        return !provisioning.isEmpty();
    }

    public int getQueuedCount() {
        return counts.of(JobStatus.QUEUED);
    }

    public int getRunningCount() {
        return counts.of(JobStatus.RUNNING);
    }

    public int getDeadCount() {
        return counts.of(JobStatus.DEAD);
    }

    public List<JobView> getDeadJobs() {
        return deadJobs;
    }

    public boolean hasDeadJobs() {
        return !deadJobs.isEmpty();
    }

    public List<String> getProblems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public String getNotice() {
        return notice;
    }

    /** Jira's XSRF form token, posted back as {@code atl_token}. */
    public String getFormToken() {
        return formToken;
    }

    public String getFormAction() {
        return formAction;
    }
}
