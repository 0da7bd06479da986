package io.hindsight.sandbox.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.SandboxError;
import io.hindsight.sandbox.site.Route;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** Confluence's REST endpoints: Data Center {@code /rest/api/content}, Cloud {@code /wiki/api/v2} with v1 labels. */
public final class ConfluenceApi {
    private final ConfluenceState state;
    private final Flavor flavor;
    private final Clock clock;
    private final String baseUrl;

    public ConfluenceApi(ConfluenceState state, Flavor flavor, Clock clock, String baseUrl) {
        this.state = state;
        this.flavor = flavor;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void routes(Route on) {
        if (flavor == Flavor.DATA_CENTER) {
            on.add("GET", "/rest/api/content", this::dcFind);
            on.add("POST", "/rest/api/content", this::dcCreate);
            on.add("GET", "/rest/api/content/{id}", ex -> ex.ok(dcPage(page(ex.param(0)))));
            on.add("PUT", "/rest/api/content/{id}", this::dcUpdate);
            on.add("GET", "/rest/api/content/{id}/label", ex -> ex.ok(labels(page(ex.param(0)))));
            on.add("POST", "/rest/api/content/{id}/label", this::addLabels);
            on.add("GET", "/rest/api/content/{id}/property/{key}", this::dcGetProperty);
            on.add("POST", "/rest/api/content/{id}/property", this::createProperty);
            on.add("PUT", "/rest/api/content/{id}/property/{key}", this::dcUpdateProperty);
        } else {
            on.add("GET", "/wiki/api/v2/spaces", this::cloudSpaces);
            on.add("GET", "/wiki/api/v2/pages", this::cloudFind);
            on.add("POST", "/wiki/api/v2/pages", this::cloudCreate);
            on.add("GET", "/wiki/api/v2/pages/{id}", ex -> ex.ok(cloudPage(page(ex.param(0)))));
            on.add("PUT", "/wiki/api/v2/pages/{id}", this::cloudUpdate);
            on.add("POST", "/wiki/rest/api/content/{id}/label", this::addLabels);
            on.add("GET", "/wiki/rest/api/content/{id}/label", ex -> ex.ok(labels(page(ex.param(0)))));
            on.add("GET", "/wiki/api/v2/pages/{id}/properties", this::cloudProperties);
            on.add("POST", "/wiki/api/v2/pages/{id}/properties", this::createProperty);
            on.add("PUT", "/wiki/api/v2/pages/{id}/properties/{propertyId}", this::cloudUpdateProperty);
        }
    }

    private ConfluenceState.Page page(String id) {
        synchronized (state) {
            ConfluenceState.Page p = state.pages.get(id);
            if (p == null) throw new SandboxError(404, "No content found with id: ContentId{id=" + id + "}");
            return p;
        }
    }

    private String time(java.time.Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    // ---- Data Center ----------------------------------------------------------------------------

    private ObjectNode dcPage(ConfluenceState.Page p) {
        synchronized (state) {
            ConfluenceState.Space s = state.spaces.get(p.spaceKey);
            ConfluenceState.Version v = p.current();
            ObjectNode n = Exchange.object().put("id", p.id).put("type", "page").put("status", "current").put("title", p.title);
            n.putObject("space").put("id", Long.parseLong(s.id())).put("key", s.key()).put("name", s.name()).put("type", "global");
            ObjectNode version = n.putObject("version").put("number", v.number()).put("when", time(v.when())).put("minorEdit", false);
            if (v.message() != null) version.put("message", v.message());
            version.putObject("by").put("type", "known").put("username", v.author()).put("displayName", v.author());
            if (p.parentId != null) n.putArray("ancestors").addObject().put("id", p.parentId).put("type", "page");
            n.putObject("body").putObject("storage").put("value", v.storage()).put("representation", "storage");
            n.putObject("_links").put("webui", "/pages/viewpage.action?pageId=" + p.id).put("self", baseUrl + "/rest/api/content/" + p.id);
            return n;
        }
    }

    private void dcFind(Exchange ex) {
        String space = ex.query("spaceKey");
        String title = ex.query("title");
        ObjectNode body = Exchange.object();
        ArrayNode results = body.putArray("results");
        synchronized (state) {
            state.pages.values().stream().filter(p -> (space == null || p.spaceKey.equals(space)) && (title == null || p.title.equals(title)))
                    .limit(ex.queryInt("limit", 25)).forEach(p -> results.add(dcPage(p)));
        }
        body.put("start", 0).put("limit", ex.queryInt("limit", 25)).put("size", results.size());
        ex.ok(body);
    }

    private void dcCreate(Exchange ex) {
        JsonNode b = ex.json();
        String space = b.path("space").path("key").asText(null);
        String parent = b.path("ancestors").path(0).path("id").asText(null);
        ConfluenceState.Page p = create(space, parent, b.path("title").asText(""), b.path("body").path("storage").path("value").asText(""), ex.user());
        synchronized (state) {
            for (JsonNode l : b.path("metadata").path("labels")) p.labels.add(l.path("name").asText().toLowerCase());
        }
        ex.ok(dcPage(p));
    }

    private ConfluenceState.Page create(String spaceKey, String parentId, String title, String storage, String user) {
        synchronized (state) {
            if (spaceKey == null || !state.spaces.containsKey(spaceKey)) throw new SandboxError(404, "No space with key : " + spaceKey);
            if (title.isBlank()) throw new SandboxError(400, "Title cannot be empty");
            if (parentId != null && !state.pages.containsKey(parentId)) throw new SandboxError(400, "Could not find parent page with id " + parentId);
            if (state.pageByTitle(spaceKey, title).isPresent()) {
                throw new SandboxError(400, "A page with this title already exists: A page already exists with the title " + title + " in the space with key " + spaceKey);
            }
            checkStorage(storage);
            return state.addPage(spaceKey, parentId, title, storage, user, clock.instant(), null);
        }
    }

    /** Confluence refuses a body that is not well-formed XHTML; so does the sandbox. */
    private static void checkStorage(String storage) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(
                    "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">" + storage + "</root>")));
        } catch (Exception e) {
            throw new SandboxError(400, "Error parsing xhtml: " + e.getMessage());
        }
    }

    private void dcUpdate(Exchange ex) {
        JsonNode b = ex.json();
        ConfluenceState.Page p = update(ex.param(0), b.path("title").asText(null), b.path("body").path("storage").path("value").asText(null),
                b.path("version").path("number").asInt(-1), b.path("version").path("message").asText(null), ex.user());
        ex.ok(dcPage(p));
    }

    private ConfluenceState.Page update(String id, String title, String storage, int number, String message, String user) {
        ConfluenceState.Page p = page(id);
        synchronized (state) {
            int current = p.current().number();
            if (number != current + 1) {
                throw new SandboxError(409, "Version must be incremented on update. Current version is: " + current);
            }
            if (storage == null) throw new SandboxError(400, "The body of the page is required");
            checkStorage(storage);
            if (title != null && !title.equals(p.title)) {
                if (state.pageByTitle(p.spaceKey, title).isPresent()) throw new SandboxError(400, "A page with this title already exists");
                p.title = title;
            }
            p.versions.add(new ConfluenceState.Version(number, storage, message, clock.instant(), user));
            return p;
        }
    }

    private ObjectNode labels(ConfluenceState.Page p) {
        ObjectNode body = Exchange.object();
        ArrayNode results = body.putArray("results");
        synchronized (state) {
            p.labels.forEach(l -> results.addObject().put("prefix", "global").put("name", l).put("id", String.valueOf(Math.abs(l.hashCode()))).put("label", l));
        }
        return body.put("start", 0).put("limit", 200).put("size", results.size());
    }

    private void addLabels(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        JsonNode b = ex.json();
        synchronized (state) {
            for (JsonNode l : b.isArray() ? b : Exchange.array().add(b)) {
                String name = l.path("name").asText("").toLowerCase();
                if (name.isBlank() || name.contains(" ")) throw new SandboxError(400, "Label '" + name + "' is not valid: labels cannot contain spaces");
                if (!p.labels.contains(name)) p.labels.add(name);
            }
        }
        ex.ok(labels(p));
    }

    private ObjectNode property(ConfluenceState.Property prop, boolean cloud) {
        ObjectNode n = Exchange.object().put("id", prop.id()).put("key", prop.key());
        n.set("value", prop.value());
        ObjectNode v = n.putObject("version").put("number", prop.version()).put("minorEdit", false);
        if (cloud) v.put("message", "").put("createdAt", time(clock.instant())).put("authorId", "sandbox");
        return n;
    }

    private void dcGetProperty(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        synchronized (state) {
            ConfluenceState.Property prop = p.properties.get(ex.param(1));
            if (prop == null) throw new SandboxError(404, "Cannot find content property with key: " + ex.param(1));
            ex.ok(property(prop, false));
        }
    }

    private void createProperty(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        JsonNode b = ex.json();
        synchronized (state) {
            String key = b.path("key").asText("");
            if (p.properties.containsKey(key)) throw new SandboxError(409, "Cannot add a property with key '" + key + "', as it already exists");
            ConfluenceState.Property prop = new ConfluenceState.Property(state.nextId(), key, b.path("value"), 1);
            p.properties.put(key, prop);
            ex.ok(property(prop, flavor == Flavor.CLOUD));
        }
    }

    private void dcUpdateProperty(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        updateProperty(ex, p, p.properties.get(ex.param(1)));
    }

    private void updateProperty(Exchange ex, ConfluenceState.Page p, ConfluenceState.Property existing) {
        JsonNode b = ex.json();
        synchronized (state) {
            if (existing == null) throw new SandboxError(404, "Cannot find content property");
            int number = b.path("version").path("number").asInt(-1);
            if (number != existing.version() + 1) throw new SandboxError(409, "Version must be incremented on update. Current version is: " + existing.version());
            ConfluenceState.Property prop = new ConfluenceState.Property(existing.id(), existing.key(), b.path("value"), number);
            p.properties.put(prop.key(), prop);
            ex.ok(property(prop, flavor == Flavor.CLOUD));
        }
    }

    // ---- Cloud -------------------------------------------------------------------------------------

    private ObjectNode cloudPage(ConfluenceState.Page p) {
        synchronized (state) {
            ConfluenceState.Version v = p.current();
            ConfluenceState.Version first = p.versions.get(0);
            ObjectNode n = Exchange.object().put("id", p.id).put("status", "current").put("title", p.title)
                    .put("spaceId", state.spaces.get(p.spaceKey).id());
            if (p.parentId != null) n.put("parentId", p.parentId).put("parentType", "page");
            n.put("authorId", first.author()).put("createdAt", time(first.when()));
            ObjectNode version = n.putObject("version").put("number", v.number()).put("message", v.message() == null ? "" : v.message())
                    .put("minorEdit", false).put("authorId", v.author()).put("createdAt", time(v.when()));
            n.putObject("body").putObject("storage").put("representation", "storage").put("value", v.storage());
            n.putObject("_links").put("webui", "/spaces/" + p.spaceKey + "/pages/" + p.id).put("base", baseUrl + "/wiki");
            return n;
        }
    }

    private void cloudSpaces(Exchange ex) {
        String keys = ex.query("keys");
        ObjectNode body = Exchange.object();
        ArrayNode results = body.putArray("results");
        synchronized (state) {
            for (ConfluenceState.Space s : state.spaces.values()) {
                if (keys == null || java.util.Arrays.asList(keys.split(",")).contains(s.key())) {
                    results.addObject().put("id", s.id()).put("key", s.key()).put("name", s.name()).put("type", "global").put("status", "current");
                }
            }
        }
        body.putObject("_links");
        ex.ok(body);
    }

    private void cloudFind(Exchange ex) {
        String spaceId = ex.query("space-id");
        String title = ex.query("title");
        ObjectNode body = Exchange.object();
        ArrayNode results = body.putArray("results");
        synchronized (state) {
            state.pages.values().stream()
                    .filter(p -> (spaceId == null || state.spaces.get(p.spaceKey).id().equals(spaceId)) && (title == null || p.title.equals(title)))
                    .limit(ex.queryInt("limit", 25)).forEach(p -> results.add(cloudPage(p)));
        }
        body.putObject("_links");
        ex.ok(body);
    }

    private void cloudCreate(Exchange ex) {
        JsonNode b = ex.json();
        String spaceKey;
        synchronized (state) {
            spaceKey = state.spaceById(b.path("spaceId").asText("")).map(ConfluenceState.Space::key)
                    .orElseThrow(() -> new SandboxError(400, "Space with id " + b.path("spaceId").asText() + " does not exist"));
        }
        ConfluenceState.Page p = create(spaceKey, b.path("parentId").asText(null), b.path("title").asText(""), b.path("body").path("value").asText(""), ex.user());
        ex.ok(cloudPage(p));
    }

    private void cloudUpdate(Exchange ex) {
        JsonNode b = ex.json();
        ConfluenceState.Page p = update(ex.param(0), b.path("title").asText(null), b.path("body").path("value").asText(null),
                b.path("version").path("number").asInt(-1), b.path("version").path("message").asText(null), ex.user());
        ex.ok(cloudPage(p));
    }

    private void cloudProperties(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        String key = ex.query("key");
        ObjectNode body = Exchange.object();
        ArrayNode results = body.putArray("results");
        synchronized (state) {
            p.properties.values().stream().filter(x -> key == null || x.key().equals(key)).forEach(x -> results.add(property(x, true)));
        }
        body.putObject("_links");
        ex.ok(body);
    }

    private void cloudUpdateProperty(Exchange ex) {
        ConfluenceState.Page p = page(ex.param(0));
        ConfluenceState.Property existing;
        synchronized (state) {
            existing = p.properties.values().stream().filter(x -> x.id().equals(ex.param(1))).findFirst().orElse(null);
        }
        updateProperty(ex, p, existing);
    }
}
