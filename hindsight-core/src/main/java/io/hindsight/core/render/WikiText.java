package io.hindsight.core.render;

import java.util.regex.Pattern;

/**
 * Escaping for Jira Data Center wiki markup, so user text is shown as written: {@code {html}},
 * {@code [text|javascript:...]}, {@code !image!}, {@code [~mention]}, {@code {color}} and table pipes
 * stay plain text.
 * <p>
 * Jira's renderer treats a backslash before {@code - # * _ + ? ^ ~ | % { } [ ] ( ) ! @} as an escape,
 * and {@code \\} as a line break. So those characters get a backslash, and a literal backslash is
 * followed by a zero-width space, which keeps it from escaping or doubling with what follows.
 */
public final class WikiText {
    private static final String ESCAPABLE = "-#*_+?^~|%{}[]()!@";
    private static final char ZWSP = '\u200B';
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)(h[1-6]|bq)(\\.)");

    private WikiText() {
    }

    /** Data Center user names {@code [~name]} can hold; Jira allows more in a name, and those cannot be mentioned. */
    private static final Pattern MENTIONABLE = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");

    /**
     * A Data Center mention of a user: {@code [~name]}, which notifies them. A name that syntax cannot hold is
     * shown as the person's name, escaped, and notifies no one: the one rule both hosts (REST and the Jira app) follow.
     *
     * @param displayName shown instead when the name cannot be mentioned; null: the name itself
     */
    public static String mention(String userName, String displayName) {
        return MENTIONABLE.matcher(userName).matches() ? "[~" + userName + "]" : escape(displayName == null ? userName : displayName);
    }

    /** Inline text: line breaks become spaces, so a value can never start a new block. */
    public static String escape(String s) {
        String c = Xml.clean(s).replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
        StringBuilder out = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '\\') out.append('\\').append(ZWSP);
            else if (ESCAPABLE.indexOf(ch) >= 0) out.append('\\').append(ch);
            else out.append(ch);
        }
        // "h1." or "bq." at the start of a line would become a heading or a quote
        return BLOCK_START.matcher(out).replaceFirst("$1$2" + ZWSP + "$3");
    }

    /**
     * The body of a {@code {noformat}} block: nothing inside is interpreted, except the closing
     * {@code {noformat}} itself, which is broken with a zero-width space so the block cannot be ended early.
     */
    public static String noformatBody(String s) {
        return Xml.clean(s).replaceAll("(?i)\\{noformat", "{" + ZWSP + "noformat");
    }
}
