package io.hindsight.jira.bundle;

import io.hindsight.jira.testing.Descriptor;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The installable jar as bnd built it (in process-test-classes, so this runs in a plain mvn test): a
 * transformerless Jira 10 app with the descriptor at its root, its own libraries inside, nothing from
 * the Jira stand-ins or Active Objects packaged, and a manifest Jira's plugin framework accepts.
 */
public class BundleJarTest {
    private static JarFile jar;
    private static Attributes manifest;
    private static List<String> imports;

    @BeforeClass
    public static void open() throws Exception {
        String path = System.getProperty("hindsight.bundle");
        assertNotNull("run through Maven: the build says where the bundle is", path);
        File file = new File(path);
        assertTrue("the bundle " + path + " was not built; bnd-maven-plugin's jar goal runs in process-test-classes", file.isFile());
        jar = new JarFile(file);
        manifest = jar.getManifest().getMainAttributes();
        imports = clauses(manifest.getValue("Import-Package"));
    }

    @Test
    public void theDescriptorIsAtTheRootWithTheKeyTheManifestCarries() throws Exception {
        assertNotNull(jar.getEntry("atlassian-plugin.xml"));
        String descriptor;
        try (InputStream in = jar.getInputStream(jar.getEntry("atlassian-plugin.xml"))) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = System.getProperty("hindsight.pluginKey");
        assertTrue(descriptor.contains("key=\"" + key + "\""));
        assertFalse("filtered", descriptor.contains("${"));
        assertEquals(key, manifest.getValue("Atlassian-Plugin-Key"));
        assertEquals(key, manifest.getValue("Bundle-SymbolicName"));
        assertEquals("*", manifest.getValue("Spring-Context"));
        assertTrue(manifest.getValue("Bundle-Version"), manifest.getValue("Bundle-Version").startsWith("0.1.0"));
        assertNull("the app exports nothing", manifest.getValue("Export-Package"));
    }

    @Test
    public void templatesI18nAndTheSpringContextAreInside() {
        for (String entry : List.of("templates/checker-panel.vm", "templates/admin.vm", "templates/report.vm", "templates/start.vm",
                "templates/workflow/checker-gate-view.vm", "templates/workflow/queue-sync-view.vm", "templates/workflow/no-parameters.vm",
                "i18n/hindsight.properties", "META-INF/spring/plugin-context.xml")) {
            assertNotNull(entry, jar.getEntry(entry));
        }
    }

    @Test
    public void everyClassTheDescriptorNamesIsInTheJar() {
        int checked = 0;
        for (Element e : Descriptor.all(Descriptor.load().root())) {
            List<String> names = new ArrayList<>();
            if (e.hasAttribute("class")) names.add(e.getAttribute("class"));
            if (e.getTagName().equals("entity") || e.getTagName().equals("validator-class") || e.getTagName().equals("function-class")) {
                names.add(e.getTextContent().strip());
            }
            for (String n : names) {
                assertNotNull(n, jar.getEntry(n.replace('.', '/') + ".class"));
                checked++;
            }
        }
        assertTrue(checked >= 12);
    }

    @Test
    public void bundlesItsOwnLibraries() {
        for (String entry : List.of("io/hindsight/core/lint/Checker.class", "io/hindsight/core/template/atlassian.yaml",
                "io/hindsight/core/plan/default-slo.yaml", "com/fasterxml/jackson/databind/ObjectMapper.class",
                "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class", "org/yaml/snakeyaml/Yaml.class",
                "org/commonmark/parser/Parser.class", "org/apache/velocity/app/VelocityEngine.class",
                "org/apache/velocity/runtime/defaults/velocity.properties", "org/apache/commons/lang3/StringUtils.class",
                // the REST host's field mapping, provisioning spec and Confluence client; the autolink extension core renders with
                "io/hindsight/atlassian/adapter/PostMortemFields.class", "io/hindsight/atlassian/provision/ProvisioningSpec.class",
                "io/hindsight/atlassian/confluence/DataCenterConfluenceClient.class", "io/hindsight/core/render/confluence-page.vm",
                "org/commonmark/ext/autolink/AutolinkExtension.class", "org/nibor/autolink/LinkExtractor.class")) {
            assertNotNull(entry + " must be inside the bundle", jar.getEntry(entry));
        }
        for (String prefix : List.of("io.hindsight", "com.fasterxml.jackson", "org.yaml.snakeyaml", "org.commonmark", "org.nibor.autolink", "org.apache.velocity",
                "com.atlassian.oai")) {
            assertTrue("embedded, so not imported: " + prefix, imports.stream().noneMatch(i -> pkg(i).startsWith(prefix)));
        }
    }

    /**
     * bnd marks what it cannot resolve as an optional import, which Jira satisfies with nothing: a class the
     * checker needs would then fail at its first use inside Jira, not at install. Only the JDK's own packages
     * may be optional; everything else is embedded or imported from Jira on purpose.
     */
    @Test
    public void nothingButTheJdkIsLeftToAnOptionalImport() {
        Pattern jdk = Pattern.compile("^(javax\\.(naming|sql|xml|net|management|crypto|security|script|annotation)|org\\.w3c|org\\.xml|org\\.ietf)(\\..*)?$");
        List<String> unresolved = imports.stream().filter(i -> i.contains("resolution:=optional")).map(BundleJarTest::pkg)
                .filter(p -> !jdk.matcher(p).matches()).toList();
        assertEquals("packages the bundle uses but neither embeds nor imports from Jira", List.of(), unresolved);
    }

    @Test
    public void theCheckersLanguageModelIsInside() {
        assertNotNull("OpenNLP's tagger", jar.getEntry("opennlp/tools/postag/POSTaggerME.class"));
        assertTrue("the part-of-speech model the checker reads from the bundle's root",
                jar.stream().anyMatch(e -> e.getName().matches("opennlp-en-ud-ewt-pos-[0-9.-]+\\.bin")));
    }

    @Test
    public void packagesNothingJiraProvidesAndNothingTestOnly() {
        List<String> offending = jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/atlassian/") || n.startsWith("net/java/ao/")
                || n.startsWith("com/opensymphony/") || n.startsWith("javax/") || n.startsWith("org/slf4j/")
                || n.startsWith("io/hindsight/jira/testing/") || n.startsWith("org/hsqldb/") || n.startsWith("org/glassfish/")
                || n.startsWith("org/springframework/") || n.startsWith("org/mockito/") || n.startsWith("junit/") || n.startsWith("org/junit/")
                || n.equals("org/apache/velocity/runtime/log/NullLogChute.class") || n.startsWith("com/google/")
                || n.startsWith("META-INF/lib/")).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    public void importsWhatJiraProvidesAndNothingJira10Removed() {
        assertTrue(imports.toString(), imports.contains("javax.ws.rs;version=\"[2.1,3)\""));
        for (String p : List.of("com.atlassian.activeobjects.external", "com.atlassian.jira.issue", "com.atlassian.sal.api.lifecycle",
                "com.atlassian.scheduler", "com.atlassian.beehive", "com.atlassian.templaterenderer", "net.java.ao", "com.opensymphony.workflow",
                "javax.servlet.http")) {
            assertTrue("imports " + p, imports.stream().anyMatch(i -> pkg(i).equals(p)));
        }
        Pattern removed = Pattern.compile("^(com\\.google\\.common|org\\.apache\\.commons\\.lang|org\\.codehaus\\.jackson)(\\..*)?$");
        for (String i : imports) {
            assertFalse("Jira 10 does not export " + i + ": bundle it", removed.matcher(pkg(i)).matches());
            assertFalse("-noimportjava: " + i, pkg(i).startsWith("java."));
        }
    }

    private static String pkg(String clause) {
        int semi = clause.indexOf(';');
        return (semi < 0 ? clause : clause.substring(0, semi)).strip();
    }

    /** An OSGi header's clauses: split at commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) return out;
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString().strip());
        return out;
    }
}
