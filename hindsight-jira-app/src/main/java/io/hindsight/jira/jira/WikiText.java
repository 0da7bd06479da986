package io.hindsight.jira.jira;

import io.hindsight.core.port.Person;
import io.hindsight.core.render.PostMortemRenderer;

import java.util.List;

/**
 * Markdown as Jira Data Center's wiki markup (what its comment and description fields render), with
 * mentions first, as the REST host writes them.
 */
final class WikiText {
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
            sb.append(io.hindsight.core.render.WikiText.mention(p.id(), p.displayName()));
        }
        return sb + "\n\n" + wiki;
    }
}
