package io.hindsight.jira.jira;

import io.hindsight.core.port.Person;
import io.hindsight.core.render.PostMortemRenderer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown as Jira Data Center's wiki markup (what its comment and description fields render), with
 * mentions first, as the REST host writes them.
 */
final class WikiText {
    /** User names {@code [~name]} can hold; anyone else is named in escaped plain text and notified by no one. */
    private static final Pattern MENTIONABLE = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");

    private WikiText() {
    }

    static String of(String markdown) {
        return markdown == null ? null : PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, markdown);
    }

    static String withMentions(String markdown, List<Person> mention) {
        String wiki = of(markdown);
        if (mention.isEmpty()) return wiki;
        StringBuilder sb = new StringBuilder();
        for (Person p : mention) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(MENTIONABLE.matcher(p.id()).matches() ? "[~" + p.id() + "]"
                    : PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, p.displayName() == null ? p.id() : p.displayName()));
        }
        return sb + "\n\n" + wiki;
    }
}
