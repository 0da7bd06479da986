package io.hindsight.atlassian.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.jira.JiraModel.Deployment;
import io.hindsight.core.render.AdfSchema;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Reminders mention people so Jira notifies them: wiki [~name] on Data Center, ADF mention nodes on Cloud. */
public class CommentMentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(Deployment d, List<JiraModel.User> users) throws Exception {
        return JSON.readTree(new JiraRequests(d).addComment("OPS-7", "OPS-7 is overdue by **8** days.", users).body()).get("body");
    }

    @Test
    public void dataCenterMentionsByUserName() throws Exception {
        String wiki = body(Deployment.DATA_CENTER, List.of(new JiraModel.User("maria", "Maria Garcia", null), new JiraModel.User("k.tanaka@example.com", "Kenji", null))).asText();
        assertTrue(wiki, wiki.startsWith("[~maria] [~k.tanaka@example.com]\n\n"));
        assertTrue(wiki, wiki.contains("*8*"));
    }

    @Test
    public void aNameTheSyntaxCannotHoldIsShownNotInjected() throws Exception {
        String wiki = body(Deployment.DATA_CENTER, List.of(new JiraModel.User("evil] [~admin", "Evil {color:red}x{color}", null))).asText();
        assertTrue(wiki, !wiki.contains("[~admin]") && !wiki.contains("[~evil"));
        assertTrue("markup in the display name is escaped: " + wiki, wiki.contains("\\{color"));
    }

    @Test
    public void cloudMentionsByAccountIdInValidAdf() throws Exception {
        JsonNode doc = body(Deployment.CLOUD, List.of(new JiraModel.User("712020:4f1c2a9e-0b7d-4c3e-9a51-6d2f8e0c1b3a", "Maria Garcia", null),
                new JiraModel.User("5b10ac8d82e05b22cc7d4ef5", "Kenji Tanaka", null)));
        JsonNode first = doc.get("content").get(0).get("content");
        assertEquals("mention", first.get(0).get("type").asText());
        assertEquals("712020:4f1c2a9e-0b7d-4c3e-9a51-6d2f8e0c1b3a", first.get(0).get("attrs").get("id").asText());
        assertEquals("@Maria Garcia", first.get(0).get("attrs").get("text").asText());
        assertEquals("5b10ac8d82e05b22cc7d4ef5", first.get(2).get("attrs").get("id").asText());
        assertEquals("the text follows the mentions", "paragraph", doc.get("content").get(1).get("type").asText());
        assertEquals(doc.toString(), 0, AdfSchema.validate(doc.toString()).size());
    }
}
