package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.http.AtlassianHttp;

import java.util.Optional;

/** Jira Data Center 10.x: {@code /rest/api/2}, wiki markup, users by name, filters among the favourites. */
public final class DataCenterJiraClient extends RestJiraClient {
    public DataCenterJiraClient(AtlassianHttp http) {
        super(http, JiraModel.Deployment.DATA_CENTER);
    }

    @Override
    public Optional<JiraModel.FilterInfo> findFilter(String name) {
        // Data Center has no filter search; filters Hindsight creates are marked favourite
        return JiraParsers.filters(send(requests.findFilters(name))).stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
