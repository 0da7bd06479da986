package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.core.port.Page;
import io.hindsight.core.port.WikiPages;

import java.util.List;
import java.util.Optional;

/** Post-mortem pages in one Confluence space under the provisioned parent page, over REST. */
public final class ConfluencePages implements WikiPages {
    private final ConfluenceClient confluence;
    private final String space;
    private final String parentId;

    public ConfluencePages(ConfluenceClient confluence, String space, String parentId) {
        this.confluence = confluence;
        this.space = space;
        this.parentId = parentId;
    }

    @Override
    public Optional<Page> page(String id) {
        return confluence.page(id).map(p -> page(p, ""));
    }

    /**
     * Confluence answers 400 to a create whose title the space already has; whether that was the reason is
     * decided by looking for the page, not by reading the message, which differs by version and language.
     */
    @Override
    public Creation create(String title, String storage, List<String> labels) {
        try {
            return new Creation(page(confluence.create(new ConfluenceModel.NewPage(space, parentId, title, storage, labels)), storage), false);
        } catch (AtlassianException.BadRequest e) {
            Optional<ConfluenceModel.Page> taken = confluence.findPage(space, title);
            if (taken.isEmpty()) throw e;
            return new Creation(page(taken.get(), ""), true);
        }
    }

    @Override
    public Page update(String id, String title, String storage, int version, String message) {
        return page(confluence.update(id, title, storage, version, message), storage);
    }

    /** @param sent what was sent, standing in for a body Confluence did not send back */
    private static Page page(ConfluenceModel.Page p, String sent) {
        return new Page(p.id(), p.version(), p.storage() == null ? sent : p.storage());
    }
}
