package io.hindsight.core.port;

import java.util.List;
import java.util.Optional;

/** Post-mortem pages in the configured space, under the provisioned parent page. */
public interface WikiPages {
    /** @param existed true when a page with the title was there already: {@code page} is that page, unchanged */
    record Creation(Page page, boolean existed) {
    }

    Optional<Page> page(String id);

    /**
     * Creates a page with labels. A wiki keeps one page per title in a space: when the title is taken (an
     * earlier publish crashed before remembering its page) the page that has it is returned instead.
     */
    Creation create(String title, String storage, List<String> labels);

    /** Writes a new version ({@code version} is the current one plus one), with a note for the page history. */
    Page update(String id, String title, String storage, int version, String message);
}
