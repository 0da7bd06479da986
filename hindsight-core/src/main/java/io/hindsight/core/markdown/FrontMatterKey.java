package io.hindsight.core.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Jira key of a published post-mortem into its file's front matter, changing nothing else in
 * the file, so the next publish updates that issue instead of creating another.
 */
public final class FrontMatterKey {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A(\\uFEFF?---\\r?\\n)(.*?)(^---[ \\t]*\\r?$)", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern KEY_LINE = Pattern.compile("^key[ \\t]*:.*$", Pattern.MULTILINE);

    private FrontMatterKey() {
    }

    public static String set(String markdown, String key) {
        if (!io.hindsight.core.model.IssueKey.isKey(key)) throw new IllegalArgumentException("not an issue key: " + key);
        Matcher m = FRONT_MATTER.matcher(markdown);
        if (!m.find()) return "---\nkey: " + key + "\n---\n" + markdown;
        String yaml = m.group(2);
        Matcher k = KEY_LINE.matcher(yaml);
        String newYaml = k.find() ? yaml.substring(0, k.start()) + "key: " + key + yaml.substring(k.end()) : "key: " + key + "\n" + yaml;
        return markdown.substring(0, m.start(2)) + newYaml + markdown.substring(m.end(2));
    }
}
