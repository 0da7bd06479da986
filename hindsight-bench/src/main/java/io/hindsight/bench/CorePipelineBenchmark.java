package io.hindsight.bench;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.sample.SamplePostMortems;
import io.hindsight.core.template.TemplateRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Analyse step on a large post-mortem (300 timeline entries, 60 action items): read the Markdown,
 * check it, plan its remediation. Reports the warm average time per post-mortem.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorePipelineBenchmark {
    private String markdown;
    private MarkdownReader reader;
    private Checker checker;
    private RemediationPlanner planner;
    private ParsedPostMortem parsed;

    @Setup
    public void setUp() {
        markdown = SamplePostMortems.large(300, 60);
        SloPolicy policy = SloPolicyLoader.defaults();
        reader = new MarkdownReader(policy.actionClasses());
        checker = new Checker(TemplateRegistry.builtIn(), policy, Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
        planner = new RemediationPlanner(policy);
        parsed = reader.read(markdown, "large.md");
    }

    @Benchmark
    public void parseCheckPlan(Blackhole bh) {
        ParsedPostMortem p = reader.read(markdown, "large.md");
        LintReport report = checker.check(p);
        RemediationPlan plan = planner.plan(p.postMortem(), LocalDate.of(2026, 11, 26), null);
        bh.consume(report);
        bh.consume(plan);
    }

    @Benchmark
    public ParsedPostMortem parseOnly() {
        return reader.read(markdown, "large.md");
    }

    @Benchmark
    public LintReport checkOnly() {
        return checker.check(parsed);
    }
}
