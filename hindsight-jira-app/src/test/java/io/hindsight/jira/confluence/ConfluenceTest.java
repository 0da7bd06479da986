package io.hindsight.jira.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ReturningResponseHandler;
import io.hindsight.core.port.WikiPages;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Where pages go (the admin's token, else the Application Link) and the pages over an Application Link. */
public class ConfluenceTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final ApplicationLinkService applinks = mock(ApplicationLinkService.class);
    private final ApplicationLink link = mock(ApplicationLink.class);
    private final ApplicationLinkRequestFactory factory = mock(ApplicationLinkRequestFactory.class);
    private final List<String> sent = new ArrayList<>();
    private final List<Response> answers = new ArrayList<>();
    private AdminSettings settings;

    @Before
    public void setUp() throws Exception {
        settings = new AdminSettings(db.activeObjects(), new MutableClock(Instant.parse("2026-11-20T10:00:00Z")));
        when(link.getName()).thenReturn("Confluence");
        when(link.getRpcUrl()).thenReturn(URI.create("https://wiki.example.com/"));
        when(link.createAuthenticatedRequestFactory()).thenReturn(factory);
        when(factory.createRequest(any(), anyString())).thenAnswer(inv -> {
            sent.add(inv.getArgument(0) + " " + inv.getArgument(1));
            ApplicationLinkRequest request = mock(ApplicationLinkRequest.class, org.mockito.Answers.RETURNS_SELF);
            when(request.executeAndReturn(any())).thenAnswer(x -> ((ReturningResponseHandler<Response, ?>) x.getArgument(0)).handle(answers.remove(0)));
            return request;
        });
    }

    @Test
    public void theTokenWinsTheLinkComesNextAndWithNeitherTheErrorSaysWhatToSet() {
        ConfluenceTarget target = new ConfluenceTarget(settings, applinks, new I18n());
        IllegalStateException noSpace = assertThrows(IllegalStateException.class, target::pages);
        assertTrue(noSpace.getMessage(), noSpace.getMessage().contains("no Confluence space is set"));

        settings.save(Map.of(Setting.CONFLUENCE_SPACE, "OPS"), "admin");
        IllegalStateException none = assertThrows(IllegalStateException.class, target::pages);
        assertTrue(none.getMessage(), none.getMessage().contains("personal access token") && none.getMessage().contains("Application Link"));

        when(applinks.getPrimaryApplicationLink(ConfluenceApplicationType.class)).thenReturn(link);
        assertTrue(target.pages() instanceof AppLinkPages);

        settings.save(Map.of(Setting.CONFLUENCE_TOKEN, "secret-pat", Setting.CONFLUENCE_URL, "https://wiki.example.com"), "admin");
        WikiPages byToken = target.pages();
        assertFalse("the token is the dependable path for the queue", byToken instanceof AppLinkPages);
        assertFalse("the token never shows", byToken.toString().contains("secret-pat"));
    }

    @Test
    public void pagesGoThroughTheLinkWithTheRestHostsRequests() throws Exception {
        AppLinkPages pages = new AppLinkPages(link, "OPS", "4242", new I18n());
        answers.add(response(200, "{\"id\":\"777\",\"version\":{\"number\":1},\"body\":{\"storage\":{\"value\":\"<p>x</p>\"}}}"));
        WikiPages.Creation c = pages.create("PM-1: Checkout outage", "<p>x</p>", List.of("postmortem"));
        assertEquals("777", c.page().id());
        assertFalse(c.existed());
        assertEquals(List.of("POST https://wiki.example.com/rest/api/content"), sent);

        answers.add(response(400, "{\"message\":\"A page with this title already exists\"}"));
        answers.add(response(200, "{\"results\":[{\"id\":\"777\",\"version\":{\"number\":2},\"body\":{\"storage\":{\"value\":\"<p>y</p>\"}}}]}"));
        WikiPages.Creation taken = pages.create("PM-1: Checkout outage", "<p>x</p>", List.of("postmortem"));
        assertTrue("a title already taken is that page", taken.existed());
        assertEquals(2, taken.page().version());
        assertTrue(sent.get(2), sent.get(2).startsWith("GET https://wiki.example.com/rest/api/content?type=page&spaceKey=OPS&title=PM-1"));

        answers.add(response(404, ""));
        assertEquals(java.util.Optional.empty(), pages.page("404"));
        answers.add(response(409, "{\"message\":\"Version must be incremented\"}"));
        IllegalStateException conflict = assertThrows(IllegalStateException.class, () -> pages.update("777", "t", "<p>z</p>", 2, "Synced by Hindsight"));
        assertTrue(conflict.getMessage(), conflict.getMessage().contains("409") && conflict.getMessage().contains("Version must be incremented"));
    }

    @Test
    public void whenConfluenceWantsAuthorisationTheErrorSaysWhereToGiveIt() throws Exception {
        when(factory.createRequest(any(), anyString())).thenThrow(new CredentialsRequiredException(URI.create("https://jira.example.com/plugins/servlet/applinks/oauth/login-dance/authorize?applicationLinkID=abc"), "no token"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AppLinkPages(link, "OPS", null, new I18n()).page("1"));
        assertTrue(e.getMessage(), e.getMessage().contains("login-dance/authorize"));
        assertTrue(e.getMessage(), e.getMessage().contains("or set a personal access token"));
        verify(factory).createRequest(Request.MethodType.GET, "https://wiki.example.com/rest/api/content/1?expand=version%2Cbody.storage%2Cspace");
    }

    private static Response response(int status, String body) throws Exception {
        Response r = mock(Response.class);
        when(r.getStatusCode()).thenReturn(status);
        when(r.getResponseBodyAsString()).thenReturn(body);
        return r;
    }
}
