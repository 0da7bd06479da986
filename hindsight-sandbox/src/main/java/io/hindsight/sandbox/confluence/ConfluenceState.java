package io.hindsight.sandbox.confluence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's Confluence: spaces, pages with every version, labels and properties. Callers lock the instance. */
public final class ConfluenceState {
    public record Space(String id, String key, String name) {
    }

    public record Version(int number, String storage, String message, Instant when, String author) {
    }

    public record Property(String id, String key, JsonNode value, int version) {
    }

    public static final class Page {
        public final String id;
        public final String spaceKey;
        public final String parentId;
        public String title;
        public final List<Version> versions = new ArrayList<>();
        public final List<String> labels = new ArrayList<>();
        public final Map<String, Property> properties = new LinkedHashMap<>();

        Page(String id, String spaceKey, String parentId, String title) {
            this.id = id;
            this.spaceKey = spaceKey;
            this.parentId = parentId;
            this.title = title;
        }

        public Version current() {
            return versions.get(versions.size() - 1);
        }
    }

    public final Map<String, Space> spaces = new LinkedHashMap<>();
    public final Map<String, Page> pages = new LinkedHashMap<>();
    private static final long FIRST_ID = 65000;
    private final AtomicLong ids = new AtomicLong(FIRST_ID);

    /** Empties the site, its id sequence included. */
    public void clear() {
        spaces.clear();
        pages.clear();
        ids.set(FIRST_ID);
    }

    public String nextId() {
        return String.valueOf(ids.incrementAndGet());
    }

    public Optional<Space> spaceById(String id) {
        return spaces.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Page> pageByTitle(String spaceKey, String title) {
        return pages.values().stream().filter(p -> p.spaceKey.equals(spaceKey) && p.title.equals(title)).findFirst();
    }

    public Page addPage(String spaceKey, String parentId, String title, String storage, String author, Instant when, String message) {
        Page p = new Page(nextId(), spaceKey, parentId, title);
        p.versions.add(new Version(1, storage, message, when, author));
        pages.put(p.id, p);
        return p;
    }
}
