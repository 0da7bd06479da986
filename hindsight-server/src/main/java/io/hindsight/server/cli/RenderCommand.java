package io.hindsight.server.cli;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.render.RenderContext;
import io.hindsight.core.render.VelocityPages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hindsight render FILE.md --to FORMAT}: what a post-mortem becomes, on standard output. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints a post-mortem as a Confluence page (storage format), an HTML preview, Markdown, "
                + "Jira wiki markup or ADF JSON.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A post-mortem Markdown file.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "confluence, html, markdown, wiki or adf.", converter = FormatConverter.class)
    PostMortemRenderer.Format format;

    @Option(names = "--jira-url", paramLabel = "URL", description = "Jira's base URL, for links to the issue and its tickets.")
    String jiraUrl;

    @Option(names = "--page-template", paramLabel = "FILE", description = "A Velocity template that replaces the built-in page "
            + "(for --to confluence or html).")
    Path pageTemplate;

    @Mixin
    Configuration config;

    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class FormatConverter implements CommandLine.ITypeConverter<PostMortemRenderer.Format> {
        @Override
        public PostMortemRenderer.Format convert(String value) {
            try {
                return PostMortemRenderer.Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use confluence, html, markdown, wiki or adf");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SloPolicy policy = config.sloPolicy();
            String text = Files.readString(file);
            ParsedPostMortem parsed = new MarkdownReader(policy.actionClasses()).read(text, file.toString());
            long unreadable = parsed.problems().stream().filter(p -> p.error()).count();
            if (unreadable > 0) {
                err.println("hindsight render: " + file + ": " + unreadable + " part(s) could not be read and are shown as text; "
                        + "run 'hindsight lint " + file + "' for details");
            }
            LocalDate today = LocalDate.now(config.clock());
            RemediationPlan plan = new RemediationPlanner(policy).plan(parsed.postMortem(), today, null);
            RenderContext ctx = new RenderContext(jiraUrl, null, null, null, today, Map.of());
            out.print(renderer().render(format, parsed.postMortem(), plan, ctx));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("hindsight render: " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("hindsight render: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private PostMortemRenderer renderer() {
        if (pageTemplate == null) return PostMortemRenderer.withBuiltInTemplates();
        VelocityPages custom = VelocityPages.fromFile(pageTemplate);
        return format == PostMortemRenderer.Format.HTML
                ? new PostMortemRenderer(VelocityPages.builtIn(VelocityPages.STORAGE_TEMPLATE), custom)
                : new PostMortemRenderer(custom, VelocityPages.builtIn(VelocityPages.HTML_TEMPLATE));
    }
}
