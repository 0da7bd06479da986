package io.hindsight.core.port;

/**
 * Someone the tracker knows, to assign or mention.
 *
 * @param id          what the tracker assigns and mentions by: the account id on Cloud, the user name on Data Center
 * @param displayName how people read the name
 */
public record Person(String id, String displayName) {
}
