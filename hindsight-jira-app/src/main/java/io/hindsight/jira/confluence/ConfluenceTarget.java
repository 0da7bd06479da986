package io.hindsight.jira.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.sal.api.message.I18nResolver;
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
    private final I18nResolver i18n;

    public ConfluenceTarget(AdminSettings settings, ApplicationLinkService applinks, I18nResolver i18n) {
        this.settings = settings;
        this.applinks = applinks;
        this.i18n = i18n;
    }

    /** @throws IllegalStateException saying what to set, when there is no way to Confluence */
    public WikiPages pages() {
        String space = settings.get(Setting.CONFLUENCE_SPACE).orElseThrow(() -> new IllegalStateException(i18n.getText("hindsight.confluence.no-space")));
        String parent = settings.get(Setting.CONFLUENCE_PARENT_PAGE).orElse(null);
        Optional<String> token = settings.get(Setting.CONFLUENCE_TOKEN);
        if (token.isPresent()) {
            String url = settings.get(Setting.CONFLUENCE_URL).orElseThrow(() -> new IllegalStateException(i18n.getText("hindsight.confluence.no-url")));
            return AtlassianSite.confluencePages(new AtlassianSite.Endpoint(URI.create(url), Credentials.personalAccessToken(token.get()),
                    HttpSettings.defaults(), new RequestCounter()), AtlassianSite.Flavor.DATA_CENTER, space, parent);
        }
        ApplicationLink link = applinks.getPrimaryApplicationLink(ConfluenceApplicationType.class);
        if (link == null) {
            throw new IllegalStateException(i18n.getText("hindsight.confluence.no-way"));
        }
        return new AppLinkPages(link, space, parent, i18n);
    }
}
