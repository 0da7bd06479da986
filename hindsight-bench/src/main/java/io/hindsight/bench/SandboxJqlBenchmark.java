package io.hindsight.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** JQL search over 100,000 issues in the sandbox, as Hindsight's reports and reminders query it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SandboxJqlBenchmark {
    @Param({"100000"})
    public int issues;

    @Param({"labels = postmortem-action AND statusCategory != Done AND duedate < now() ORDER BY duedate",
            "issue in linkedIssues(\"PM-1\", \"is remediated by\")",
            "project = OPS AND (labels = db OR priority = High) ORDER BY key DESC"})
    public String jql;

    private Sandbox sandbox;

    @Setup
    public void fill() {
        sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        JiraState s = sandbox.jira();
        synchronized (s) {
            s.linkTypes.put("10500", new JiraState.LinkType("10500", "Remediation", "is remediated by", "remediates"));
            LocalDate base = LocalDate.of(2026, 6, 1);
            Instant now = Instant.parse("2026-06-01T00:00:00Z");
            JiraState.Issue pm = s.addIssue("PM", "10001", Exchange.object().put("summary", "Post-mortem"), now);
            for (int i = 0; i < issues; i++) {
                ObjectNode f = Exchange.object().put("summary", "Remediation action " + i).put("duedate", base.plusDays(i % 400).toString());
                f.putObject("priority").put("name", i % 3 == 0 ? "High" : "Medium");
                var labels = f.putArray("labels");
                if (i % 2 == 0) labels.add("postmortem-action");
                if (i % 5 == 0) labels.add("db");
                JiraState.Issue issue = s.addIssue("OPS", "10001", f, now);
                if (i % 4 == 0) issue.statusId = "10001";
                if (i % 1000 == 0) s.links.add(new JiraState.Link(s.nextId(), "10500", issue.key, pm.key));
            }
        }
    }

    @Benchmark
    public List<JiraState.Issue> search() {
        synchronized (sandbox.jira()) {
            return sandbox.jiraApi().search(jql);
        }
    }

    @TearDown
    public void stop() {
        sandbox.close();
    }
}
