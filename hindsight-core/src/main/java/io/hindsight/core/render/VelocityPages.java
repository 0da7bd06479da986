package io.hindsight.core.render;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A page template, built-in or an admin's file, ready to render a {@link PageView}. The engine is
 * strict (a misspelt reference fails the render instead of printing itself), introspection is
 * restricted, and every insertion is escaped by {@link EscapeInsertions}.
 */
public final class VelocityPages {
    public static final String STORAGE_TEMPLATE = "io/hindsight/core/render/confluence-page.vm";
    public static final String HTML_TEMPLATE = "io/hindsight/core/render/preview.html.vm";
    public static final String REPORT_TEMPLATE = "io/hindsight/core/render/report.html.vm";

    private final VelocityEngine engine;
    private final Template template;

    private VelocityPages(VelocityEngine engine, Template template) {
        this.engine = engine;
        this.template = template;
    }

    /** @param directory where an admin's template lives, or null for Hindsight's own on the class path */
    private static VelocityEngine engine(Path directory) {
        Properties p = new Properties();
        if (directory == null) {
            p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
            p.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        } else {
            p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file");
            p.setProperty("resource.loader.file.path", directory.toAbsolutePath().toString());
        }
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, RecordUberspect.class.getName());
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        VelocityEngine engine = new VelocityEngine(p);
        engine.init();
        return engine;
    }

    public static VelocityPages builtIn(String resource) {
        VelocityEngine engine = engine(null);
        return new VelocityPages(engine, engine.getTemplate(resource, "UTF-8"));
    }

    /** An admin's template file; a syntax error is reported with the file, line and column. */
    public static VelocityPages fromFile(Path file) {
        if (!Files.isReadable(file)) throw new RenderException("cannot read the page template " + file, null);
        Path dir = file.toAbsolutePath().getParent();
        VelocityEngine engine = engine(dir);
        try {
            return new VelocityPages(engine, engine.getTemplate(file.getFileName().toString(), "UTF-8"));
        } catch (VelocityException e) {
            throw new RenderException("the page template " + file + " has an error: " + e.getMessage(), e);
        }
    }

    String render(PageView view, PageFormat format) {
        return render(java.util.Map.of("view", view, "fmt", format, "lozenges", new Lozenges()));
    }

    /** Renders with these names in the template's context; every insertion is escaped unless {@link Trusted}. */
    public String render(java.util.Map<String, Object> values) {
        VelocityContext context = new VelocityContext();
        values.forEach(context::put);
        EventCartridge events = new EventCartridge();
        events.addEventHandler(new EscapeInsertions());
        events.attachToContext(context);
        StringWriter out = new StringWriter();
        try {
            template.merge(context, out);
        } catch (VelocityException e) {
            throw new RenderException("the page template " + template.getName() + " failed: " + e.getMessage(), e);
        }
        return out.toString().strip() + "\n";
    }

}
