package io.hindsight.server.cli;

import io.hindsight.atlassian.http.RequestCounter;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the commands that run the sync engine against a site, and the wiring they share. */
final class EngineOptions {
    @Option(names = "--space", required = true, paramLabel = "KEY", description = "The Confluence space for the page.")
    String space;

    @picocli.CommandLine.Mixin
    IdsFileOption ids;

    @Option(names = "--stats", description = "Print the requests made, as the last line.")
    boolean stats;

    Wiring wiring(SiteOptions site, Configuration config, RequestCounter counter) {
        return new Wiring(site.jira(counter), site.confluence(counter), site.deployment(), ids.read(), space, config.sloPolicy(),
                config.templateRegistry(), config.clock());
    }
}
