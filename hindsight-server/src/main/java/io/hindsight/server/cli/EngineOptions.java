package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.atlassian.http.RequestCounter;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the commands that run the sync engine against a site, and the wiring they share. */
final class EngineOptions {
    @Option(names = "--space", required = true, paramLabel = "KEY", description = "The Confluence space for the page.")
    String space;

    @picocli.CommandLine.Mixin
    IdsFileOption ids;

    @Option(names = "--jira-applink-name", paramLabel = "NAME", description = "Confluence's application link to Jira, by name, for the page's Jira Issues macro "
            + "(when Confluence has several links to Jira; default: its primary link).")
    String appLinkName;

    @Option(names = "--jira-applink-id", paramLabel = "ID", description = "The same link by id (Confluence administration, Application Links).")
    String appLinkId;

    @Option(names = "--stats", description = "Print the requests made, as the last line.")
    boolean stats;

    /** The command this is mixed into: its command line has the configuration ({@code users:} of hindsight.yaml). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** The team's map of action owners' handles to Jira users, from hindsight.yaml ({@code users:}); empty without one. */
    java.util.Map<String, String> users() {
        return command == null || command.commandLine() == null ? java.util.Map.of() : ConfigFile.users(command.commandLine());
    }

    /**
     * The use cases for the site; every setting that is missing (URLs, credentials, the ids file) is named at once.
     * The site's flavour comes from a flag, else from the ids file provisioning wrote, else Jira is asked once.
     */
    Wiring wiring(SiteOptions site, Configuration config, RequestCounter counter) {
        return wiring(site, config, counter, io.hindsight.core.usecase.SyncPostMortem.UNSETTLED_WINDOW);
    }

    /** {@link #wiring(SiteOptions, Configuration, RequestCounter)} with the time a create without an answer may still land. */
    Wiring wiring(SiteOptions site, Configuration config, RequestCounter counter, java.time.Duration unsettledWindow) {
        java.util.List<String> problems = new java.util.ArrayList<>(site.problems(true));
        io.hindsight.atlassian.provision.ProvisionedIds read = null;
        try {
            read = ids.read();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new Wiring(site.site(counter, io.hindsight.atlassian.adapter.AtlassianSite.flavorOf(read)), read, space, config.sloPolicy(),
                config.templateRegistry(), config.clock(), appLinkName, appLinkId, users(), unsettledWindow);
    }
}
