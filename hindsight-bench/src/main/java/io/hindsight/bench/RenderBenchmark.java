package io.hindsight.bench;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.render.RenderContext;
import io.hindsight.core.sample.SamplePostMortems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Rendering the large post-mortem (300 timeline entries, 60 actions) in each format. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
    @Param({"CONFLUENCE", "HTML", "WIKI", "ADF"})
    public String format;

    private PostMortemRenderer renderer;
    private PostMortem pm;
    private RemediationPlan plan;
    private RenderContext ctx;
    private PostMortemRenderer.Format f;

    @Setup
    public void setUp() {
        SloPolicy policy = SloPolicyLoader.defaults();
        pm = new MarkdownReader(policy.actionClasses()).read(SamplePostMortems.large(300, 60), "large.md").postMortem();
        LocalDate today = LocalDate.of(2026, 11, 26);
        plan = new RemediationPlanner(policy).plan(pm, today, null);
        ctx = new RenderContext("https://jira.example.com", null, null, null, today, Map.of());
        renderer = PostMortemRenderer.withBuiltInTemplates();
        f = PostMortemRenderer.Format.valueOf(format);
    }

    @Benchmark
    public String render() {
        return renderer.render(f, pm, plan, ctx);
    }
}
