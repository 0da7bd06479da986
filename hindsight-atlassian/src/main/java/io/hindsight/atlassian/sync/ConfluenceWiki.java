package io.hindsight.atlassian.sync;

import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.Ports;

import java.util.List;
import java.util.Optional;

/** The engine's view of Confluence: pages in one space under the provisioned parent page. */
public final class ConfluenceWiki implements Ports.Wiki {
    private final ConfluenceClient confluence;
    private final String space;
    private final String parentId;

    public ConfluenceWiki(ConfluenceClient confluence, String space, String parentId) {
        this.confluence = confluence;
        this.space = space;
        this.parentId = parentId;
    }

    @Override
    public Optional<PageDecision.Current> page(String id) {
        return confluence.page(id).map(ConfluenceWiki::current);
    }

    @Override
    public Optional<PageDecision.Current> pageByTitle(String title) {
        return confluence.findPage(space, title).map(ConfluenceWiki::current);
    }

    @Override
    public Optional<Ports.Saved> create(String title, String storage, List<String> labels) {
        try {
            ConfluenceModel.Page p = confluence.create(new ConfluenceModel.NewPage(space, parentId, title, storage, labels));
            return Optional.of(new Ports.Saved(p.id(), p.version(), p.storage() == null ? storage : p.storage()));
        } catch (AtlassianException.BadRequest e) {
            if (e.getMessage().contains("already exists")) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Ports.Saved update(String id, String title, String storage, int version, String message) {
        ConfluenceModel.Page p = confluence.update(id, title, storage, version, message);
        return new Ports.Saved(p.id(), p.version(), p.storage() == null ? storage : p.storage());
    }

    private static PageDecision.Current current(ConfluenceModel.Page p) {
        return new PageDecision.Current(p.id(), p.version(), p.storage() == null ? "" : p.storage());
    }
}
