package io.hindsight.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Every request the sandbox answered, and counts per endpoint, so tests can assert how frugal a client was. */
public final class RequestLog {
    public record Entry(String method, String path, int status, long micros) {
        public boolean write() {
            return !method.equals("GET") && !(method.equals("POST") && (path.endsWith("/search") || path.endsWith("/search/jql")));
        }
    }

    /** Issue keys and numeric ids of 3 digits or more; "/rest/api/2" stays as it is. */
    private static final Pattern IDS = Pattern.compile("/([A-Z][A-Z0-9_]+-\\d+|\\d{3,})(?=/|$)");
    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Entry e) {
        entries.add(e);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Requests to the products' APIs (the sandbox's own /sandbox endpoints are not counted). */
    public synchronized List<Entry> apiEntries() {
        return entries.stream().filter(e -> !e.path().startsWith("/sandbox")).toList();
    }

    public synchronized long writes() {
        return apiEntries().stream().filter(Entry::write).count();
    }

    public synchronized long reads() {
        return apiEntries().size() - writes();
    }

    /** "POST /rest/api/2/issue/{id}" style keys with their counts. */
    public synchronized Map<String, Long> perEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        for (Entry e : apiEntries()) out.merge(e.method() + " " + IDS.matcher(e.path()).replaceAll("/{id}"), 1L, Long::sum);
        return out;
    }

    public static List<Entry> copy(List<Entry> l) {
        return new ArrayList<>(l);
    }
}
