package io.hindsight.atlassian.provision;

import org.junit.Test;

import static io.hindsight.atlassian.provision.ProvisionPlan.Kind;
import static io.hindsight.atlassian.provision.ProvisionPlan.Status;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class ProvisionerTest {
    private final ProvisioningSpec spec = ProvisioningSpec.defaults("PM", "postmortem-action", "OPS");

    @Test
    public void aFreshSiteGetsEverythingAndASecondRunChangesNothing() {
        FakeSite site = new FakeSite();
        Provisioner p = new Provisioner(site, site, site.confluence);
        ProvisionPlan first = p.plan(spec);
        assertEquals("a plan only reads", 0, site.writes);
        int fields = spec.fields().size();
        assertEquals(1 + fields + fields + 1 + 1 + 1 + 1, first.toCreate().size());
        System.out.print(first.describe());

        ProvisionedIds ids = p.apply(first);
        assertNotNull(ids.issueTypeId());
        assertEquals(fields, ids.fieldIds().size());
        assertTrue(ids.fieldIds().get("five-whys").startsWith("customfield_"));
        assertNotNull(ids.boardId());
        assertNotNull(ids.parentPageId());
        assertEquals(fields, site.tabFields.get("10000").size() - 1);
        int writes = site.writes;

        ProvisionPlan second = p.plan(spec);
        assertTrue(second.describe(), second.nothingToDo());
        ProvisionedIds again = p.apply(second);
        assertEquals("running twice changes nothing the second time", writes, site.writes);
        assertEquals(ids, again);
    }

    @Test
    public void whatNeedsAnAdminIsSaidPlainly() {
        FakeSite site = new FakeSite();
        ProvisionPlan plan = new Provisioner(site, site, site.confluence).plan(spec);
        ProvisionPlan.Step scheme = plan.steps().stream().filter(s -> s.kind() == Kind.ISSUE_TYPE_IN_PROJECT).findFirst().orElseThrow();
        assertEquals(Status.MANUAL, scheme.status());
        assertTrue(scheme.detail(), scheme.detail().contains("add 'Post-mortem' to the issue type scheme of project PM"));
        assertTrue(plan.describe().contains("make sure field 'Incident severity' offers SEV1, SEV2, SEV3 and SEV4"));

        ProvisionPlan elsewhere = new Provisioner(site, site, site.confluence).plan(ProvisioningSpec.defaults("NOPE", "x", "OPS"));
        assertTrue(elsewhere.describe(), elsewhere.describe().contains("there is no project NOPE visible to this account"));
    }

    @Test
    public void aFieldWithTheSameNameButAnotherTypeIsAConflictNotADuplicate() {
        FakeSite site = new FakeSite();
        site.fields.add(new io.hindsight.atlassian.jira.JiraModel.FieldInfo("customfield_10999", "Root cause", true, "string",
                "com.atlassian.jira.plugin.system.customfieldtypes:textfield"));
        Provisioner p = new Provisioner(site, site, site.confluence);
        ProvisionPlan plan = p.plan(spec);
        ProvisionPlan.Step rootCause = plan.steps().stream().filter(s -> s.kind() == Kind.FIELD && s.key().equals("root-cause")).findFirst().orElseThrow();
        assertEquals(Status.CONFLICT, rootCause.status());
        assertTrue(rootCause.detail().contains("rename one of them"));
        p.apply(plan);
        assertEquals(1, site.fields.stream().filter(f -> f.name().equals("Root cause")).count());
    }

    @Test
    public void missingPermissionsStopWithAPlainExplanation() {
        FakeSite site = new FakeSite();
        site.adminDenied = true;
        Provisioner p = new Provisioner(site, site, site.confluence);
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> p.apply(p.plan(spec)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("provisioning stopped while creating issue type 'Post-mortem' (needs the Jira administrator permission): the account lacks a permission."));
    }

    @Test
    public void theParentPageListsEveryPostMortemThroughConfluencesPagePropertiesReport() throws Exception {
        String body = Provisioner.parentPageBody("O\"PS");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(
                "<root xmlns:ac=\"http://atlassian.com/content\">" + body + "</root>")));
        org.w3c.dom.NodeList macros = d.getElementsByTagName("ac:structured-macro");
        assertEquals(1, macros.getLength());
        assertEquals("detailssummary", ((org.w3c.dom.Element) macros.item(0)).getAttribute("ac:name"));
        org.w3c.dom.NodeList params = d.getElementsByTagName("ac:parameter");
        String cql = null;
        for (int i = 0; i < params.getLength(); i++) {
            org.w3c.dom.Element p = (org.w3c.dom.Element) params.item(i);
            if (p.getAttribute("ac:name").equals("cql")) cql = p.getTextContent();
        }
        assertEquals("a quote in the space key stays inside the CQL string", "label = \"postmortem\" and space = \"O\\\"PS\"", cql);
    }
}
