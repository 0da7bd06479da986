package io.hindsight.core.markdown;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Characters no one can see or type on purpose: C0 and C1 controls (tab aside), DEL, U+FFFE/U+FFFF,
 * lone surrogates, and whole terminal colour sequences pasted from a console ({@code ESC[31m}).
 * They are removed from a post-mortem as it is read, so they reach no ticket summary, page or field;
 * line and paragraph separators (U+2028, U+2029) become spaces.
 */
final class ControlCharacters {
    /** ANSI CSI and OSC sequences: removing only the ESC would leave "[31m" in the text. */
    private static final Pattern TERMINAL_SEQUENCE = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?)");

    private ControlCharacters() {
    }

    /** The text without them, and the code points removed (in order of first appearance), for the finding. */
    record Cleaned(String text, Set<String> removed) {
        boolean changed() {
            return !removed.isEmpty();
        }
    }

    static Cleaned clean(String s) {
        Set<String> removed = new LinkedHashSet<>();
        String t = s;
        if (t.indexOf('\u001B') >= 0 && TERMINAL_SEQUENCE.matcher(t).find()) {
            removed.add("U+001B (a terminal colour sequence)");
            t = TERMINAL_SEQUENCE.matcher(t).replaceAll("");
        }
        StringBuilder out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            String replacement = null;
            boolean drop;
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                if (out != null) out.append(c).append(t.charAt(i + 1));
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                drop = true;
            } else if (c == '\u2028' || c == '\u2029') {
                drop = true;
                replacement = " ";
            } else {
                drop = (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n') || c == '\uFFFE' || c == '\uFFFF';
            }
            if (drop) {
                if (out == null) out = new StringBuilder(t.length()).append(t, 0, i);
                removed.add(String.format(Locale.ROOT, "U+%04X", (int) c));
                if (replacement != null) out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return new Cleaned(out == null ? t : out.toString(), removed);
    }
}
