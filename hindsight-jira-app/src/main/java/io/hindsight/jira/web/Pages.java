package io.hindsight.jira.web;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Renders a page template with its one view object and the i18n resolver, as HTML in UTF-8. */
final class Pages {
    private final TemplateRenderer renderer;
    private final I18nResolver i18n;

    Pages(TemplateRenderer renderer, I18nResolver i18n) {
        this.renderer = renderer;
        this.i18n = i18n;
    }

    void render(HttpServletResponse resp, String template, String name, Object view) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        // Jira's pages may not be framed by other sites; ours neither
        resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        Map<String, Object> context = new HashMap<>();
        context.put(name, view);
        context.put("i18n", i18n);
        renderer.render(template, context, resp.getWriter());
    }

    void forbidden(HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_FORBIDDEN, i18n.getText("hindsight.error.forbidden"));
    }

    String text(String key) {
        return i18n.getText(key);
    }

    String text(String key, java.io.Serializable... arguments) {
        return i18n.getText(key, arguments);
    }
}
