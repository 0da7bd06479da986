package io.hindsight.jira.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.port.WikiPages;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;

import java.net.URI;
import java.util.Optional;

/**
 * Where post-mortem pages go, read from the admin's settings on each use. The admin's personal access token
 * is the dependable path (the queue runs with no user to authorise an Application Link for it), so it wins
 * when set: pages go over Confluence's REST API through the REST host's own client. Without a token, the
 * primary Application Link to Confluence carries the same requests, authenticated as the signed-in user.
 */
public final class ConfluenceTarget {
    private final AdminSettings settings;
    private final ApplicationLinkService applinks;

    public ConfluenceTarget(AdminSettings settings, ApplicationLinkService applinks) {
        this.settings = settings;
        this.applinks = applinks;
    }

    /** @throws IllegalStateException saying what to set, when there is no way to Confluence */
    public WikiPages pages() {
        String space = settings.get(Setting.CONFLUENCE_SPACE).orElseThrow(() -> new IllegalStateException(
                "no Confluence space is set: set one on Hindsight's settings page (Administration > Manage apps > Hindsight settings)"));
        String parent = settings.get(Setting.CONFLUENCE_PARENT_PAGE).orElse(null);
        Optional<String> token = settings.get(Setting.CONFLUENCE_TOKEN);
        if (token.isPresent()) {
            String url = settings.get(Setting.CONFLUENCE_URL).orElseThrow(() -> new IllegalStateException(
                    "a Confluence token is set but no Confluence base URL: set it on Hindsight's settings page"));
            return AtlassianSite.confluencePages(new AtlassianSite.Endpoint(URI.create(url), Credentials.personalAccessToken(token.get()),
                    HttpSettings.defaults(), new RequestCounter()), AtlassianSite.Flavor.DATA_CENTER, space, parent);
        }
        ApplicationLink link = applinks.getPrimaryApplicationLink(ConfluenceApplicationType.class);
        if (link == null) {
            throw new IllegalStateException("Hindsight has no way to Confluence: set a personal access token on Hindsight's settings page, "
                    + "or create an Application Link to Confluence (Administration > Applications > Application links)");
        }
        return new AppLinkPages(link, space, parent);
    }
}
