package io.hindsight.sandbox.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.SandboxError;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An issue as Jira's issue view shows it: details (type, priority, labels, status, custom fields by
 * their type), description and comments rendered from wiki markup (Data Center) or ADF (Cloud), links
 * with their verbs, people and dates on the side, entity properties folded away.
 */
final class IssueView {
    /** Jira Data Center's default formats ("20/Dec/26", "26/Nov/26 2:15 PM"); Cloud writes "Dec 20, 2026". */
    private static final DateTimeFormatter DC_DATE = DateTimeFormatter.ofPattern("dd/MMM/yy", Locale.ENGLISH);
    private static final DateTimeFormatter DC_TIME = DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter CLOUD_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOUD_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.ENGLISH);
    private static final Set<String> SHOWN_APART = Set.of("summary", "description", "issuetype", "project", "priority", "assignee", "reporter",
            "duedate", "labels", "status", "issuelinks", "created", "updated");

    private final JiraApi jira;

    IssueView(JiraApi jira) {
        this.jira = jira;
    }

    Document draw(String key) {
        JiraState state = jira.state();
        synchronized (state) {
            JiraState.Issue i = state.issue(key).orElseThrow(() -> new SandboxError(404, "Issue does not exist or you do not have permission to see it."));
            JiraState.Project project = state.projects.get(i.projectKey);
            Document d = Html.page(i.key + ": " + nz(i.text("summary")), "Jira");
            Element main = Html.main(d).addClass("issue");
            Element crumbs = main.appendElement("nav").addClass("breadcrumbs");
            crumbs.appendElement("span").text(project.name());
            crumbs.appendText(" / ");
            crumbs.appendElement("a").attr("href", "/sandbox/issues/" + i.key).addClass("issue-key").text(i.key);
            main.appendElement("h1").addClass("summary").text(nz(i.text("summary")));

            Element grid = main.appendElement("div").addClass("issue-grid");
            Element left = grid.appendElement("div").addClass("issue-main");
            Element side = grid.appendElement("aside").addClass("issue-side");

            Element details = module(left, "Details").appendElement("dl").addClass("fields");
            field(details, "Type").text(state.issueTypes.get(i.issueTypeId).name());
            String priority = i.fields.path("priority").path("name").asText("");
            if (!priority.isEmpty()) priority(field(details, "Priority"), priority);
            JiraState.Status status = state.statuses.get(i.statusId);
            Html.statusLozenge(field(details, "Status"), status.categoryKey(), status.name());
            labels(field(details, "Labels"), i.labels());
            for (Iterator<Map.Entry<String, JsonNode>> it = i.fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SHOWN_APART.contains(e.getKey()) || e.getValue() == null || e.getValue().isNull()) continue;
                JiraState.Field f = state.fields.get(e.getKey());
                value(field(details, f == null ? e.getKey() : f.name()), f, e.getValue());
            }

            Element description = module(left, "Description").appendElement("div").addClass("rich");
            JsonNode desc = i.fields.get("description");
            if (desc == null || desc.isNull()) description.appendElement("p").addClass("note").text("Click to add description");
            else rich(description, desc);

            links(module(left, "Issue Links"), state, i);

            Element activity = module(left, "Activity");
            if (i.comments.isEmpty()) activity.appendElement("p").addClass("note").text("There are no comments yet on this issue.");
            for (JiraState.Comment c : i.comments) {
                Element card = activity.appendElement("article").addClass("comment");
                Element head = card.appendElement("div").addClass("comment-head");
                Html.user(head, state.userByIdOrName(c.author()).map(JiraState.User::displayName).orElse(c.author()));
                head.appendElement("span").addClass("note").text(" added a comment - " + time(c.created()));
                rich(card.appendElement("div").addClass("rich"), c.body());
            }

            Element props = left.appendElement("details").addClass("entity-properties");
            props.appendElement("summary").text("Entity properties (" + i.properties.size() + ")");
            for (Map.Entry<String, JsonNode> p : i.properties.entrySet()) {
                props.appendElement("h4").text(p.getKey());
                props.appendElement("pre").text(pretty(p.getValue()));
            }

            Element people = module(side, "People").appendElement("dl").addClass("fields");
            var assignee = jira.json().assignee(i);
            if (assignee.isPresent()) Html.user(field(people, "Assignee"), assignee.get().displayName());
            else field(people, "Assignee").appendElement("span").addClass("note").text("Unassigned");
            Element dates = module(side, "Dates").appendElement("dl").addClass("fields");
            field(dates, "Created").text(time(i.created));
            field(dates, "Updated").text(time(i.updated));
            i.due().ifPresent(due -> field(dates, "Due").text(date(due)));
            return d;
        }
    }

    private static Element module(Element parent, String title) {
        Element m = parent.appendElement("section").addClass("module");
        m.appendElement("h2").text(title);
        return m;
    }

    private static Element field(Element dl, String name) {
        dl.appendElement("dt").text(name + ":");
        return dl.appendElement("dd");
    }

    /** Jira's priority: an arrow in the priority's colour, then its name. */
    static void priority(Element parent, String name) {
        Element p = parent.appendElement("span").addClass("priority").addClass("priority-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        p.appendElement("span").addClass("priority-icon").attr("aria-hidden", "true").text(switch (name) {
            case "Highest" -> "⇈";
            case "High" -> "↑";
            case "Low" -> "↓";
            case "Lowest" -> "⇊";
            default -> "=";
        });
        p.appendElement("span").text(name);
    }

    private static void labels(Element parent, List<String> labels) {
        if (labels.isEmpty()) parent.appendElement("span").addClass("note").text("None");
        for (String l : labels) parent.appendElement("span").addClass("label").text(l);
    }

    /** A field's value by its type: select, multi-select, labels, user, date, date-time, rich text, number. */
    private void value(Element dd, JiraState.Field f, JsonNode v) {
        String schema = f == null ? "" : f.schemaType();
        String custom = f == null || f.customType() == null ? "" : f.customType();
        if (v.isTextual() && (schema.equals("date") || custom.endsWith(":datepicker"))) {
            dd.text(date(LocalDate.parse(v.asText().substring(0, 10))));
        } else if (v.isTextual() && (schema.equals("datetime") || custom.endsWith(":datetime"))) {
            dd.text(dateTime(v.asText()));
        } else if (v.isTextual() && custom.endsWith(":textfield")) {
            dd.text(v.asText());
        } else if (v.isTextual() || (v.isObject() && "doc".equals(v.path("type").asText()))) {
            rich(dd.addClass("rich"), v);
        } else if (v.isArray()) {
            boolean labelsLike = schema.equals("array") && v.size() > 0 && v.get(0).isTextual();
            if (labelsLike) {
                List<String> items = new java.util.ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                labels(dd, items);
            } else {
                List<String> items = new java.util.ArrayList<>();
                v.forEach(x -> items.add(plain(x)));
                dd.text(String.join(", ", items));
            }
        } else if (v.isObject() && (v.has("displayName") || v.has("accountId") || schema.equals("user"))) {
            String who = v.path("displayName").asText(v.path("name").asText(v.path("accountId").asText()));
            Html.user(dd, jira.state().userByIdOrName(who).map(JiraState.User::displayName).orElse(who));
        } else {
            dd.text(plain(v));
        }
    }

    /** One value as words: a select option's value, a named object's name, a number as written. */
    private static String plain(JsonNode v) {
        if (v.isValueNode()) return v.asText();
        if (v.has("value")) return v.path("value").asText() + (v.has("child") ? " - " + v.path("child").path("value").asText() : "");
        if (v.has("name")) return v.path("name").asText();
        if (v.has("displayName")) return v.path("displayName").asText();
        if (v.has("key")) return v.path("key").asText();
        return v.toString();
    }

    /** Rich text: a string is wiki markup (Data Center), a {@code doc} object is ADF (Cloud). */
    private void rich(Element out, JsonNode body) {
        if (body.isTextual()) WikiMarkupHtml.append(body.asText(), out);
        else AdfHtml.append(body, out);
    }

    /** Links with their verbs, grouped as Jira groups them ("is remediated by", "blocks"). */
    private static void links(Element module, JiraState state, JiraState.Issue i) {
        Map<String, List<String>> byVerb = new java.util.LinkedHashMap<>();
        for (JiraState.Link l : state.links) {
            JiraState.LinkType t = state.linkTypes.get(l.typeId());
            if (l.fromKey().equals(i.key)) byVerb.computeIfAbsent(t.outward(), k -> new java.util.ArrayList<>()).add(l.toKey());
            if (l.toKey().equals(i.key)) byVerb.computeIfAbsent(t.inward(), k -> new java.util.ArrayList<>()).add(l.fromKey());
        }
        if (byVerb.isEmpty()) module.appendElement("p").addClass("note").text("No links.");
        for (Map.Entry<String, List<String>> e : byVerb.entrySet()) {
            module.appendElement("h3").addClass("link-verb").text(e.getKey());
            Element ul = module.appendElement("ul").addClass("links");
            for (String key : e.getValue()) {
                JiraState.Issue other = state.issuesByKey.get(key);
                Element li = ul.appendElement("li");
                li.appendElement("a").attr("href", "/sandbox/issues/" + key).addClass("issue-key").text(key);
                li.appendElement("span").addClass("link-summary").text(other == null ? "" : nz(other.text("summary")));
                if (other != null) {
                    String p = other.fields.path("priority").path("name").asText("");
                    if (!p.isEmpty()) priority(li, p);
                    JiraState.Status s = state.statuses.get(other.statusId);
                    Html.statusLozenge(li, s.categoryKey(), s.name());
                }
            }
        }
    }

    private String date(LocalDate d) {
        return (jira.flavor() == Flavor.CLOUD ? CLOUD_DATE : DC_DATE).format(d);
    }

    private String time(Instant t) {
        return (jira.flavor() == Flavor.CLOUD ? CLOUD_TIME : DC_TIME).format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    private String dateTime(String iso) {
        try {
            return time(OffsetDateTime.parse(iso.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant());
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String pretty(JsonNode v) {
        try {
            return Exchange.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(v);
        } catch (Exception e) {
            return v.toString();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
