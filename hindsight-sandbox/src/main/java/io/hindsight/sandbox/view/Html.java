package io.hindsight.sandbox.view;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's pages as jsoup documents: every piece of text goes in through {@link Element#text} or
 * {@link Element#appendText} and every attribute through {@link Element#attr}, so jsoup escapes it on the
 * way out and no user text can become markup. Pages load one style sheet from the sandbox and nothing
 * else; the Content-Security-Policy says so.
 */
final class Html {
    /** No scripts, no frames, no forms, no requests but the sandbox's own style sheet. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * Colours Jira's and Confluence's editors offer for text, and Hindsight's lozenge colours, as classes:
     * an inline style would need the CSP to allow inline styles, so a colour outside this palette is shown
     * in the text's own colour.
     */
    static final Map<String, String> PALETTE = Map.ofEntries(
            Map.entry("#172b4d", "c-dark"), Map.entry("#97a0af", "c-grey"), Map.entry("#42526e", "c-slate"), Map.entry("#6554c0", "c-purple"),
            Map.entry("#403294", "c-purple"), Map.entry("#00b8d9", "c-teal"), Map.entry("#008da6", "c-teal"), Map.entry("#36b37e", "c-green"),
            Map.entry("#006644", "c-green"), Map.entry("#ff5630", "c-red"), Map.entry("#bf2600", "c-red"), Map.entry("#ff991f", "c-orange"),
            Map.entry("#ff8b00", "c-orange"), Map.entry("#ffc400", "c-yellow"), Map.entry("#0747a6", "c-blue"), Map.entry("#4c9aff", "c-blue"),
            Map.entry("#0052cc", "c-blue"), Map.entry("red", "c-red"), Map.entry("green", "c-green"), Map.entry("blue", "c-blue"),
            Map.entry("orange", "c-orange"), Map.entry("purple", "c-purple"), Map.entry("grey", "c-grey"), Map.entry("gray", "c-grey"),
            Map.entry("black", "c-dark"));

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private Html() {
    }

    /** A page with the sandbox's banner, a breadcrumb line and the title; the caller fills {@code main}. */
    static Document page(String title, String product) {
        Document d = Document.createShell("");
        d.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        d.head().appendElement("meta").attr("charset", "utf-8");
        d.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        d.title(title);
        d.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/sandbox/static/sandbox.css");
        d.head().appendElement("link").attr("rel", "icon").attr("href", "/sandbox/static/favicon.svg");
        d.selectFirst("html").attr("lang", "en");
        Element bar = d.body().appendElement("header").addClass("topbar").addClass(product.toLowerCase(Locale.ROOT));
        bar.appendElement("a").attr("href", "/sandbox").addClass("brand").text(product);
        bar.appendElement("span").addClass("sandbox-note").text("Hindsight sandbox: a local emulator of the Jira and Confluence APIs Hindsight uses. Not a Jira.");
        d.body().appendElement("main").addClass("content");
        return d;
    }

    static Element main(Document d) {
        return d.body().selectFirst("main");
    }

    /** An href that is safe to follow: http(s), mailto, or a path on the sandbox; anything else (javascript:, data:) gives null. */
    static String safeHref(String href) {
        if (href == null) return null;
        String h = href.strip();
        if (h.startsWith("/") && !h.startsWith("//")) return h;
        int colon = h.indexOf(':');
        if (colon <= 0) return null;
        String scheme = h.substring(0, colon).toLowerCase(Locale.ROOT);
        return SAFE_SCHEMES.contains(scheme) ? h : null;
    }

    /** A link when the href is safe, else plain text in a span. */
    static Element link(Element parent, String href, String text) {
        String safe = safeHref(href);
        Element a = safe == null ? parent.appendElement("span") : parent.appendElement("a").attr("href", safe);
        return a.text(text == null ? "" : text);
    }

    /** A status lozenge as Confluence and Jira draw it: colour by name (Grey, Red, Yellow, Green, Blue, Purple). */
    static Element lozenge(Element parent, String colour, String text, boolean subtle) {
        String c = colour == null ? "grey" : colour.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("grey", "red", "yellow", "green", "blue", "purple").contains(c)) c = "grey";
        Element span = parent.appendElement("span").addClass("lozenge").addClass("lozenge-" + c).text(text == null ? "" : text);
        if (subtle) span.addClass("subtle");
        return span;
    }

    /** A Jira status as a lozenge in its category's colour: To Do grey, In Progress blue, Done green. */
    static Element statusLozenge(Element parent, String categoryKey, String name) {
        String colour = switch (categoryKey) {
            case "done" -> "green";
            case "indeterminate" -> "blue";
            default -> "grey";
        };
        return lozenge(parent, colour, name, false);
    }

    /** A user as Jira shows one: an avatar with initials, then the display name. */
    static Element user(Element parent, String displayName) {
        Element span = parent.appendElement("span").addClass("user");
        StringBuilder initials = new StringBuilder();
        for (String part : displayName.strip().split("\\s+")) if (!part.isEmpty() && initials.length() < 2) initials.appendCodePoint(part.codePointAt(0));
        span.appendElement("span").addClass("avatar").attr("aria-hidden", "true").text(initials.toString().toUpperCase(Locale.ROOT));
        span.appendElement("span").text(displayName);
        return span;
    }

    static String html(Document d) {
        return "<!DOCTYPE html>" + d.outerHtml().replaceFirst("^<!doctype html>", "");
    }
}
