package io.hindsight.sandbox.view;

import io.hindsight.sandbox.confluence.ConfluenceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CQL a Page Properties Report's editor writes, and no more: {@code label = "x"}, {@code label in ("x", "y")},
 * {@code space = "KEY"} or {@code space = currentSpace()}, joined by {@code and}. Anything else is refused
 * with a message naming the part the sandbox does not understand, never guessed at.
 */
record PageQuery(Predicate<ConfluenceState.Page> test) {
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern LABEL_EQ = Pattern.compile("(?i)label\\s*=\\s*" + STRING);
    private static final Pattern LABEL_IN = Pattern.compile("(?i)label\\s+in\\s*\\((.*)\\)");
    private static final Pattern SPACE_EQ = Pattern.compile("(?i)space\\s*=\\s*" + STRING);
    private static final Pattern SPACE_CURRENT = Pattern.compile("(?i)space\\s*=\\s*currentSpace\\(\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile(STRING);

    boolean matches(ConfluenceState.Page p) {
        return test.test(p);
    }

    static PageQuery parse(String cql, String currentSpace) {
        if (cql.isBlank()) throw new IllegalArgumentException("the macro has no CQL query");
        Predicate<ConfluenceState.Page> all = p -> true;
        for (String clause : cql.split("(?i)\\s+and\\s+")) {
            String c = clause.strip();
            Matcher m;
            if ((m = LABEL_EQ.matcher(c)).matches()) {
                String label = unquote(m.group(1));
                all = all.and(p -> p.labels.contains(label));
            } else if ((m = LABEL_IN.matcher(c)).matches()) {
                List<String> labels = new ArrayList<>();
                Matcher q = QUOTED.matcher(m.group(1));
                while (q.find()) labels.add(unquote(q.group(1)));
                all = all.and(p -> p.labels.stream().anyMatch(labels::contains));
            } else if ((m = SPACE_EQ.matcher(c)).matches()) {
                String space = unquote(m.group(1)).toUpperCase(Locale.ROOT);
                all = all.and(p -> p.spaceKey.equalsIgnoreCase(space));
            } else if (SPACE_CURRENT.matcher(c).matches()) {
                all = all.and(p -> p.spaceKey.equals(currentSpace));
            } else {
                throw new IllegalArgumentException("the sandbox does not understand the CQL clause '" + c + "' (it reads label = \"x\", label in (...), space = \"KEY\" and currentSpace(), joined by and)");
            }
        }
        return new PageQuery(all);
    }

    private static String unquote(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }
}
