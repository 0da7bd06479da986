package io.hindsight.jira.descriptor;

import io.hindsight.jira.testing.I18n;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The texts the Java code shows (REST error bodies, the provisioning report, dead-job errors) come from
 * i18n/hindsight.properties through SAL's I18nResolver, which formats them with java.text.MessageFormat:
 * a key the code names must exist (Jira would show the raw key), and no text may lose a quote on the way.
 */
public class I18nKeysTest {
    /** A string literal that is an i18n key of the app, wherever it is passed (getText, a helper, a constant). */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(hindsight\\.[a-z0-9.-]+)\"");
    private static final Pattern GET_TEXT = Pattern.compile("getText\\(\"(hindsight\\.[a-z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private final I18n i18n = new I18n();

    @Test
    public void everyKeyTheJavaCodeUsesExists() throws IOException {
        assertEquals(List.of(), missingKeys(Paths.get("src/main/java")));
    }

    @Test
    public void theScanSeesTheJavaCodesKeys() throws IOException {
        int getTextCalls = 0;
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = GET_TEXT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) getTextCalls++;
            }
        }
        assertTrue("the scan found the code's getText calls: " + getTextCalls, getTextCalls >= 60);
    }

    /** The check itself: a misspelt key in code is reported with its file and line. */
    @Test
    public void aMisspeltKeyInCodeIsReportedWithItsFileAndLine() throws IOException {
        Path dir = Files.createTempDirectory("i18n-scan");
        try {
            Files.writeString(dir.resolve("Typo.java"), "class Typo {\n  String s = i18n.getText(\"hindsight.rest.error.no-isue\", key);\n}\n");
            assertEquals(List.of(dir.resolve("Typo.java") + ":2: hindsight.rest.error.no-isue"), missingKeys(dir));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /**
     * Every text rendered as SAL renders it, with sample arguments: the result must be the text with
     * {@code ''} read as one apostrophe and each {@code {n}} replaced, so a lone apostrophe (which
     * MessageFormat eats, with whatever follows it up to the next one) cannot slip in.
     */
    @Test
    public void everyTextSurvivesMessageFormatWithItsQuotesAndArguments() {
        List<String> wrong = new ArrayList<>();
        Object[] samples = {"A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"};
        for (String key : new TreeSet<>(i18n.keys())) {
            String raw = raw(key);
            String expected = PLACEHOLDER.matcher(raw.replace("''", "'")).replaceAll("A$1");
            String rendered = new MessageFormat(raw, Locale.ENGLISH).format(samples);
            if (!expected.equals(rendered)) wrong.add(key + " renders as [" + rendered + "], expected [" + expected + "]");
        }
        assertEquals(List.of(), wrong);
    }

    /** The test above would catch "don't"; this shows it does, so it cannot pass by accident. */
    @Test
    public void aLoneApostropheIsCaught() {
        assertEquals("dont {0}", new MessageFormat("don't {0}", Locale.ENGLISH).format(new Object[]{"A0"}));
        assertEquals("don't A0", new MessageFormat("don''t {0}", Locale.ENGLISH).format(new Object[]{"A0"}));
    }

    /**
     * A resolver may hand a text with no arguments back unformatted; a {@code ''} there would show doubled.
     * So a text with an ASCII apostrophe takes an argument (and prose uses the typographic \u2019 instead).
     */
    @Test
    public void aTextWithAnApostropheTakesAnArgument() {
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(i18n.keys())) {
            String raw = raw(key);
            if (raw.contains("'") && !PLACEHOLDER.matcher(raw).find()) wrong.add(key + "=" + raw);
        }
        assertEquals(List.of(), wrong);
    }

    private String raw(String key) {
        try (var in = getClass().getResourceAsStream("/i18n/hindsight.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> missingKeys(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = KEY_LITERAL.matcher(lines.get(i));
                    while (m.find()) if (!i18n.has(m.group(1))) missing.add(f + ":" + (i + 1) + ": " + m.group(1));
                }
            }
        }
        return missing;
    }
}
