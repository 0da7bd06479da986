package io.hindsight.server.cli;

import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.template.TemplateRegistry;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Options shared by commands that read post-mortems: where templates and the SLO policy come from. */
final class Configuration {
    @Option(names = "--templates", paramLabel = "DIR", description = "A directory of template YAML files that add to or replace the built-in ones.")
    Path templates;

    @Option(names = "--policy", paramLabel = "FILE", description = "An SLO policy YAML file (default: the built-in policy after Atlassian's handbook).")
    Path policy;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "Check as if today were this date (for reproducible output).")
    LocalDate today;

    TemplateRegistry templateRegistry() {
        return templates == null ? TemplateRegistry.builtIn() : TemplateRegistry.withDirectory(templates);
    }

    SloPolicy sloPolicy() {
        return policy == null ? SloPolicyLoader.defaults() : SloPolicyLoader.load(policy);
    }

    Clock clock() {
        return today == null ? Clock.systemDefaultZone()
                : Clock.fixed(today.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
    }
}
