package io.hindsight.core.sync;

import io.hindsight.core.render.RenderContext.TicketStatus;

/** How a remediation ticket's state shows on the page: done, or open. */
public final class TicketStatuses {
    public static final TicketStatus DONE = new TicketStatus("Done", TicketStatus.Category.DONE);
    public static final TicketStatus OPEN = new TicketStatus("Open", TicketStatus.Category.TO_DO);

    private TicketStatuses() {
    }

    public static TicketStatus of(boolean done) {
        return done ? DONE : OPEN;
    }
}
