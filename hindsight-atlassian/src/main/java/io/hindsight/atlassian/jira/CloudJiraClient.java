package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.http.AtlassianHttp;

import java.util.Optional;

/** Jira Cloud: {@code /rest/api/3}, ADF, users by account id, {@code /search/jql} paging by token. */
public final class CloudJiraClient extends RestJiraClient {
    public CloudJiraClient(AtlassianHttp http) {
        super(http, JiraModel.Deployment.CLOUD);
    }

    @Override
    public Optional<JiraModel.FilterInfo> findFilter(String name) {
        // the search matches by substring; only an exact name is ours
        return JiraParsers.filters(send(requests.findFilters(name))).stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
