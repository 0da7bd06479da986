package io.hindsight.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hindsight.core.markdown.MarkdownWriter;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlan;

import java.util.Locale;

/**
 * Renders a post-mortem in any of Hindsight's output formats from one {@link PageView}, so every
 * format shows the same facts, sections and remediation status.
 */
public final class PostMortemRenderer {
    public enum Format {
        /** Confluence storage format (XHTML with ac: macros). */
        CONFLUENCE,
        /** A standalone HTML preview that looks like the Confluence page. */
        HTML,
        /** Hindsight's Markdown (docs-as-code). */
        MARKDOWN,
        /** Jira Data Center wiki markup. */
        WIKI,
        /** Atlassian Document Format JSON (Jira Cloud REST v3). */
        ADF;

        public static Format parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final VelocityPages storagePage;
    private final VelocityPages htmlPage;

    public PostMortemRenderer(VelocityPages storagePage, VelocityPages htmlPage) {
        this.storagePage = storagePage;
        this.htmlPage = htmlPage;
    }

    /** With Hindsight's own page templates. */
    public static PostMortemRenderer withBuiltInTemplates() {
        return new PostMortemRenderer(VelocityPages.builtIn(VelocityPages.STORAGE_TEMPLATE), VelocityPages.builtIn(VelocityPages.HTML_TEMPLATE));
    }

    /**
     * @param plan the remediation plan, for due dates set by the SLO policy; may be null
     */
    public String render(Format format, PostMortem pm, RemediationPlan plan, RenderContext ctx) {
        if (format == Format.MARKDOWN) return new MarkdownWriter().write(pm);
        PageView view = PageViewBuilder.build(pm, plan, ctx);
        return switch (format) {
            case CONFLUENCE -> storagePage.render(view, new StorageFormat(ctx.jiraServerName(), ctx.jiraServerId()));
            case HTML -> htmlPage.render(view, new HtmlFormat(ctx.jiraBaseUrl()));
            case WIKI -> WikiPage.render(view);
            case ADF -> json(AdfPage.render(view));
            case MARKDOWN -> throw new IllegalStateException("handled above");
        };
    }

    /** Section text alone, for a Jira field or ticket description: wiki markup (DC) or ADF JSON (Cloud). */
    public static String fieldText(Format format, String markdown) {
        return switch (format) {
            case WIKI -> WikiMarkdown.blocks(markdown);
            case ADF -> json(Adf.doc(AdfMarkdown.blocks(markdown)));
            case CONFLUENCE -> XhtmlMarkdown.STORAGE.blocks(markdown);
            case HTML -> XhtmlMarkdown.HTML.blocks(markdown);
            case MARKDOWN -> markdown;
        };
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ADF cannot be written as JSON", e);
        }
    }
}
