package io.hindsight.core.fake;

import io.hindsight.core.port.Page;
import io.hindsight.core.port.WikiPages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confluence in memory, with its rules that matter to Hindsight: one page per title in the space (a second
 * create with the title is refused, and the page that has it is found), versions that must count up by
 * one (anything else is a conflict), and every version kept in the page's history.
 */
public final class InMemoryConfluence extends CountedFake implements WikiPages {
    /** A page and its history, oldest version first. */
    public static final class StoredPage {
        public final String id;
        public String title;
        public final List<String> labels = new ArrayList<>();
        public final List<String> versions = new ArrayList<>();

        StoredPage(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public String current() {
            return versions.get(versions.size() - 1);
        }
    }

    private final Map<String, StoredPage> pages = new LinkedHashMap<>();
    private int nextId = 65001;

    public InMemoryConfluence(Faults faults) {
        super(faults);
    }

    public synchronized List<StoredPage> pages() {
        return List.copyOf(pages.values());
    }

    public synchronized long pagesTitled(String title) {
        return pages.values().stream().filter(p -> p.title.equals(title)).count();
    }

    public synchronized StoredPage stored(String id) {
        return pages.get(id);
    }

    /** Someone edits the page in Confluence. */
    public synchronized void editByHand(String id, String storage) {
        pages.get(id).versions.add(storage);
    }

    @Override
    public synchronized Optional<Page> page(String id) {
        calls.read("page");
        StoredPage p = pages.get(id);
        return calls.done("page", p == null ? Optional.empty() : Optional.of(page(p)));
    }

    @Override
    public synchronized Creation create(String title, String storage, List<String> labels) {
        calls.write("createPage");
        Optional<StoredPage> taken = pages.values().stream().filter(p -> p.title.equals(title)).findFirst();
        if (taken.isPresent()) {
            // Confluence refuses the create; finding the page that has the title is one more read
            calls.read("findPage");
            return calls.done("createPage", new Creation(page(taken.get()), true));
        }
        StoredPage p = new StoredPage(String.valueOf(nextId++), title);
        p.labels.addAll(labels);
        p.versions.add(storage);
        pages.put(p.id, p);
        return calls.done("createPage", new Creation(page(p), false));
    }

    @Override
    public synchronized Page update(String id, String title, String storage, int version, String message) {
        calls.write("updatePage");
        StoredPage p = pages.get(id);
        if (p == null) throw new IllegalArgumentException("404 No content found with id " + id);
        if (version != p.versions.size() + 1) {
            throw new IllegalStateException("409 Version must be incremented on update. Current version is: " + p.versions.size());
        }
        p.title = title;
        p.versions.add(storage);
        return calls.done("updatePage", page(p));
    }

    private static Page page(StoredPage p) {
        return new Page(p.id, p.versions.size(), p.current());
    }
}
