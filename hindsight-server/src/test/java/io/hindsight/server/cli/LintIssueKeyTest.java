package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.DataCenterConfluenceClient;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraClients;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.atlassian.sync.JiraTracker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.sandbox.Flavor;
import io.hindsight.sandbox.Sandbox;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code hindsight lint PM-1}: the post-mortem is read from Jira and checked as the sync checks it. */
public class LintIssueKeyTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void aPostMortemIssueIsReviewedByKey() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            AtlassianHttp http = AtlassianHttp.create("Jira", sandbox.url(), Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN), HttpSettings.defaults(), new RequestCounter());
            JiraClient jira = JiraClients.forDeployment(http, JiraModel.Deployment.DATA_CENTER);
            Provisioner provisioner = new Provisioner(jira, new AgileClient(http, JiraModel.Deployment.DATA_CENTER), new DataCenterConfluenceClient(http));
            ProvisionedIds ids = provisioner.apply(provisioner.plan(ProvisioningSpec.defaults("PM", "postmortem-action", "OPS")));
            Path idsFile = dir.getRoot().toPath().resolve("hindsight-ids.json");
            Files.writeString(idsFile, new ObjectMapper().writeValueAsString(ids));
            String blameful = Files.readString(Path.of("..", "examples", "replication-lag.md")).replaceAll("(?m)^key:.*\\n", "")
                    .replace("## Root cause\n\n", "## Root cause\n\nBob caused the outage by carelessly running the import. ");
            String key = new JiraTracker(jira, ids, SloPolicyLoader.defaults().actionClasses(), "Task", "is remediated by")
                    .createPostMortem("PM", new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(blameful, "pm.md").postMortem());

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = HindsightCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            // the token comes from the environment in real use; the test hands the command its environment
            ((LintCommand) cli.getSubcommands().get("lint").getCommand()).site.env = Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN);
            int exit = cli.execute("lint", key, "--jira-url", sandbox.url().toString(), "--data-center", "--ids-file", idsFile.toString(), "--today", "2026-11-26");

            assertEquals(err.toString(), ExitCodes.FINDINGS, exit);
            assertTrue(out.toString(), out.toString().contains(key + ": error blameless.person-as-cause (Root cause)"));
            assertTrue(out.toString(), out.toString().contains("    > Bob caused"));
        }
    }

    @Test
    public void aKeyWithoutAJiraUrlSaysWhatIsMissing() {
        LintCommandTest.Run r = LintCommandTest.run("lint", "PM-404");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("PM-404: --jira-url is required"));
    }
}
