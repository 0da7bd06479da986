package io.hindsight.core.port;

/** A ticket created for an action. */
public record CreatedTicket(String actionId, String key) {
}
