package io.hindsight.core.render;

/**
 * Escaping for XML 1.0 (Confluence storage format) and HTML. Characters XML 1.0 forbids are removed,
 * not escaped: no character reference can carry them, and Confluence rejects the page otherwise.
 */
public final class Xml {
    private Xml() {
    }

    /** Removes what XML 1.0 cannot hold: C0 controls but tab, CR and LF; U+FFFE, U+FFFF; lone surrogates. */
    public static String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) out.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            else if (ok && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }

    /** Element text and attribute values alike: the five XML specials become entities. */
    public static String escape(String s) {
        String c = clean(s);
        StringBuilder out = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * A CDATA section holding {@code s} exactly: a {@code ]]>} inside is split across two sections,
     * so user text can never end the section early.
     */
    public static String cdata(String s) {
        return "<![CDATA[" + clean(s).replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
