package io.hindsight.jira.descriptor;

import com.atlassian.jira.plugin.workflow.WorkflowPluginFunctionFactory;
import com.atlassian.jira.plugin.workflow.WorkflowPluginValidatorFactory;
import com.atlassian.plugin.web.Condition;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.workflow.FunctionProvider;
import com.opensymphony.workflow.Validator;
import io.hindsight.jira.ao.AoSchema;
import io.hindsight.jira.testing.Descriptor;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.web.view.AdminPageView;
import io.hindsight.jira.web.view.CheckerPanelView;
import io.hindsight.jira.web.view.ReportView;
import io.hindsight.jira.web.view.StartView;
import net.java.ao.RawEntity;
import net.java.ao.schema.Table;
import org.junit.Test;
import org.w3c.dom.Element;

import javax.servlet.http.HttpServlet;
import javax.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * atlassian-plugin.xml checked the way Jira would read it, since Atlassian publishes no schema for it:
 * module types Jira 10 knows, unique keys, required attributes, every class present and of the kind its
 * module needs, every i18n key defined, every allowlist entry a real public method, every template call
 * on the allowlist, Data Center compatibility declared, and the Active Objects module matching the code.
 */
public class DescriptorConformanceTest {
    private static final Set<String> MODULE_TYPES = Set.of("ao", "rest-migration", "rest", "web-panel", "web-item", "web-section",
            "servlet", "workflow-validator", "workflow-function", "velocity-allowlist", "web-resource");

    private final Descriptor descriptor = Descriptor.load();
    private final I18n i18n = new I18n();

    @Test
    public void usesOnlyModuleTypesJira10KnowsAndNoTransformerModules() {
        for (Element m : descriptor.modules()) {
            assertTrue("unknown or forbidden module <" + m.getTagName() + "> (transformerless apps declare no component, "
                    + "component-import or module-type)", MODULE_TYPES.contains(m.getTagName()));
        }
        assertEquals("2", descriptor.root().getAttribute("plugins-version"));
    }

    @Test
    public void pluginKeyIsTheOneTheManifestCarries() {
        String expected = System.getProperty("hindsight.pluginKey", "io.hindsight.hindsight-jira-app");
        assertEquals(expected, descriptor.root().getAttribute("key"));
        assertFalse("Maven filtered the descriptor", descriptor.root().getAttribute("key").contains("${"));
    }

    @Test
    public void moduleKeysAreUniqueAndPresent() {
        Set<String> seen = new HashSet<>();
        for (Element m : descriptor.modules()) {
            String key = m.getAttribute("key");
            assertFalse("<" + m.getTagName() + "> needs a key", key.isBlank());
            assertTrue("duplicate module key " + key, seen.add(key));
        }
    }

    @Test
    public void declaresDataCenterCompatibility() {
        Element info = Descriptor.children(descriptor.root(), "plugin-info").get(0);
        Map<String, String> params = new LinkedHashMap<>();
        for (Element p : Descriptor.children(info, "param")) params.put(p.getAttribute("name"), p.getTextContent().strip());
        assertEquals("compatible", params.get("atlassian-data-center-status"));
        assertEquals("true", params.get("atlassian-data-center-compatible"));
    }

    @Test
    public void activeObjectsModuleHasTheNamespaceAndTheEntitiesTheCodeUses() throws Exception {
        List<Element> ao = descriptor.modules("ao");
        assertEquals(1, ao.size());
        assertEquals("changing the namespace orphans every row", AoSchema.NAMESPACE, ao.get(0).getAttribute("namespace"));
        List<String> entities = Descriptor.children(ao.get(0), "entity").stream().map(e -> e.getTextContent().strip()).toList();
        assertEquals(AoSchema.ENTITIES.stream().map(Class::getName).toList(), entities);
        for (String e : entities) {
            Class<?> c = Class.forName(e);
            assertTrue(e + " must be an Active Objects entity", RawEntity.class.isAssignableFrom(c) && c.isInterface());
            assertNotNull(e + " needs @Table so the class can be renamed", c.getAnnotation(Table.class));
        }
    }

    @Test
    public void everyModuleClassExistsAndIsOfTheKindItsModuleNeeds() throws Exception {
        for (Element m : descriptor.modules("web-panel")) {
            assertFalse(m.getAttribute("location").isBlank());
            requireClass(Descriptor.children(m, "context-provider").get(0).getAttribute("class"), ContextProvider.class);
            requireVelocityResource(m, "view");
        }
        for (Element c : allOf("condition")) requireClass(c.getAttribute("class"), Condition.class);
        for (Element m : descriptor.modules("servlet")) {
            requireClass(m.getAttribute("class"), HttpServlet.class);
            assertFalse(Descriptor.children(m, "url-pattern").isEmpty());
        }
        for (Element m : descriptor.modules("web-item")) {
            assertFalse(m.getAttribute("key") + " needs a section", m.getAttribute("section").isBlank());
            assertFalse(Descriptor.children(m, "link").isEmpty());
        }
        for (Element m : descriptor.modules("web-section")) assertFalse(m.getAttribute("location").isBlank());
        for (Element m : descriptor.modules("workflow-validator")) {
            requireClass(m.getAttribute("class"), WorkflowPluginValidatorFactory.class);
            requireClass(Descriptor.children(m, "validator-class").get(0).getTextContent().strip(), Validator.class);
            for (String r : List.of("view", "input-parameters", "edit-parameters")) requireVelocityResource(m, r);
        }
        for (Element m : descriptor.modules("workflow-function")) {
            requireClass(m.getAttribute("class"), WorkflowPluginFunctionFactory.class);
            requireClass(Descriptor.children(m, "function-class").get(0).getTextContent().strip(), FunctionProvider.class);
            for (String r : List.of("view", "input-parameters", "edit-parameters")) requireVelocityResource(m, r);
        }
        for (Element m : descriptor.modules("rest")) {
            assertTrue(m.getAttribute("path").startsWith("/"));
            assertFalse(m.getAttribute("version").isBlank());
            String pkg = Descriptor.children(m, "package").get(0).getTextContent().strip();
            assertFalse("the REST package " + pkg + " holds no @Path resource", RestClasses.in(pkg).stream().noneMatch(c -> c.isAnnotationPresent(Path.class)));
        }
        assertEquals("REST v2 is declared once", 1, descriptor.modules("rest-migration").size());
        assertEquals(1, Descriptor.children(descriptor.modules("rest-migration").get(0), "rest-v2").size());
    }

    @Test
    public void theCheckerPanelScriptIsLoadedOnTheIssueViewAndAsksTheLintResource() throws IOException {
        List<Element> resources = descriptor.modules("web-resource");
        assertEquals(1, resources.size());
        Element m = resources.get(0);
        assertEquals(List.of("jira.view.issue"), Descriptor.children(m, "context").stream().map(e -> e.getTextContent().strip()).toList());
        assertTrue("AJS (contextPath) is declared, not assumed", Descriptor.children(m, "dependency").stream()
                .anyMatch(d -> d.getTextContent().strip().equals("com.atlassian.auiplugin:ajs")));
        List<Element> files = Descriptor.children(m, "resource");
        assertEquals(1, files.size());
        assertEquals("download", files.get(0).getAttribute("type"));
        String location = files.get(0).getAttribute("location");
        assertNotNull(location + " is in the bundle", getClass().getResource("/" + location));
        String script = new String(getClass().getResourceAsStream("/" + location).readAllBytes(), StandardCharsets.UTF_8);
        // the path the REST module and the resource declare, not a copy that could drift
        Element rest = descriptor.modules("rest").get(0);
        String lint = "/rest" + rest.getAttribute("path") + "/" + rest.getAttribute("version")
                + io.hindsight.jira.rest.LintResource.class.getAnnotation(Path.class).value();
        assertTrue(script + " posts to " + lint, script.contains("'" + lint + "'"));
        assertTrue("on Jira's issue refresh", script.contains("JIRA.Events.ISSUE_REFRESHED"));
        assertTrue("the panel marks what the script redraws", new String(getClass().getResourceAsStream("/templates/checker-panel.vm").readAllBytes(),
                StandardCharsets.UTF_8).contains("data-hindsight-live"));
    }

    @Test
    public void thePanelScriptBuildsNoHtmlFromText() throws IOException {
        String script = new String(getClass().getResourceAsStream("/js/checker-panel.js").readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout('",
                ".html(", "$(", "jQuery(")) {
            assertFalse("js/checker-panel.js uses " + sink + ": set text with textContent or createTextNode", script.contains(sink));
        }
        assertTrue(script.contains("textContent"));
    }

    @Test
    public void everyI18nKeyTheDescriptorNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Element e : Descriptor.all(descriptor.root())) {
            for (String attr : List.of("i18n-name-key")) if (e.hasAttribute(attr) && !i18n.has(e.getAttribute(attr))) missing.add(e.getAttribute(attr));
            if ((e.getTagName().equals("label") || e.getTagName().equals("description")) && e.hasAttribute("key") && !i18n.has(e.getAttribute("key"))) {
                missing.add(e.getAttribute("key"));
            }
        }
        assertEquals(List.of(), missing);
        Element i18nResource = Descriptor.children(descriptor.root(), "resource").stream()
                .filter(r -> r.getAttribute("type").equals("i18n")).findFirst().orElseThrow();
        assertNotNull(getClass().getResource("/" + i18nResource.getAttribute("location") + ".properties"));
    }

    /** The keys the Java code uses, and how the texts survive MessageFormat, are {@link I18nKeysTest}'s. */
    @Test
    public void everyI18nKeyTheTemplatesUseExists() throws IOException {
        Pattern literal = Pattern.compile("getText\\(['\"](hindsight\\.[a-z0-9.-]+)['\"]");
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("src/main/resources/templates"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".vm")).toList()) {
                Matcher m = literal.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    found++;
                    if (!i18n.has(m.group(1))) missing.add(f + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue("the scan found the templates' keys", found > 50);
    }

    @Test
    public void everyAllowlistEntryNamesARealPublicMethodOfTheAppsOwnClasses() throws Exception {
        Pattern entry = Pattern.compile("([\\w.$]+)#(\\w+)\\(([\\w.,$\\[\\]]*)\\)");
        assertFalse(descriptor.allowlist().isEmpty());
        for (String e : descriptor.allowlist()) {
            Matcher m = entry.matcher(e);
            assertTrue("not fqcn#method(params): " + e, m.matches());
            assertTrue("an app may allowlist only its own classes: " + e, m.group(1).startsWith("io.hindsight.jira."));
            Class<?> c = Class.forName(m.group(1));
            List<Class<?>> params = new ArrayList<>();
            if (!m.group(3).isEmpty()) for (String p : m.group(3).split(",")) params.add(Class.forName(p));
            Method method = c.getMethod(m.group(2), params.toArray(new Class[0]));
            assertTrue(e + " must be public", Modifier.isPublic(method.getModifiers()));
        }
    }

    @Test
    public void everyCallInEveryTemplateIsOnTheAllowlist() throws Exception {
        Map<String, Map<String, Class<?>>> roots = Map.of(
                "templates/checker-panel.vm", Map.of("panel", CheckerPanelView.class, "i18n", I18nResolver.class),
                "templates/admin.vm", Map.of("admin", AdminPageView.class, "i18n", I18nResolver.class),
                "templates/report.vm", Map.of("report", ReportView.class, "i18n", I18nResolver.class),
                "templates/start.vm", Map.of("start", StartView.class, "i18n", I18nResolver.class),
                "templates/workflow/checker-gate-view.vm", Map.of("i18n", I18nResolver.class),
                "templates/workflow/queue-sync-view.vm", Map.of("i18n", I18nResolver.class),
                "templates/workflow/no-parameters.vm", Map.of("i18n", I18nResolver.class));
        assertEquals("every template in the jar is scanned", new TreeSet<>(roots.keySet()), templatesOnDisk());
        Set<String> allowed = new HashSet<>(descriptor.allowlist());
        allowed.add("com.atlassian.sal.api.message.I18nResolver#getText(java.lang.String)");
        List<String> offending = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Map<String, Class<?>>> t : roots.entrySet()) {
            String text = new String(getClass().getResourceAsStream("/" + t.getKey()).readAllBytes(), StandardCharsets.UTF_8);
            for (TemplateCalls.Call call : TemplateCalls.of(t.getKey(), text, t.getValue())) {
                calls++;
                String sig = call.method().getDeclaringClass().getName() + "#" + call.method().getName() + "("
                        + Stream.of(call.method().getParameterTypes()).map(Class::getName).collect(Collectors.joining(",")) + ")";
                if (!allowed.contains(sig)) offending.add(call.template() + ": " + call.expression() + " calls " + sig);
            }
        }
        assertEquals(List.of(), offending);
        assertTrue("the scan found the calls", calls > 50);
    }

    @Test
    public void theTemplateScanCatchesACallOffTheList() {
        List<TemplateCalls.Call> calls = TemplateCalls.of("x.vm", "#foreach ($f in $panel.findings)$f.toString()#end",
                Map.of("panel", CheckerPanelView.class));
        assertEquals(List.of("getFindings", "toString"), calls.stream().map(c -> c.method().getName()).toList());
    }

    private static Set<String> templatesOnDisk() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("src/main/resources/templates"))) {
            return files.filter(p -> p.toString().endsWith(".vm"))
                    .map(p -> Paths.get("src/main/resources").relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private List<Element> allOf(String tag) {
        return Descriptor.all(descriptor.root()).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    private static void requireClass(String name, Class<?> kind) throws ClassNotFoundException {
        Class<?> c = Class.forName(name);
        assertTrue(name + " must be a " + kind.getName(), kind.isAssignableFrom(c));
        assertFalse(name + " must be instantiable", Modifier.isAbstract(c.getModifiers()));
    }

    private void requireVelocityResource(Element module, String name) {
        Element r = Descriptor.children(module, "resource").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(module.getAttribute("key") + " needs a velocity resource named " + name));
        assertEquals("velocity", r.getAttribute("type"));
        assertNotNull(r.getAttribute("location") + " is missing", getClass().getResource("/" + r.getAttribute("location")));
    }
}
