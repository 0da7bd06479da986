package io.hindsight.core.port;

/** A wiki page as the wiki has it: its id, version and body in storage format. */
public record Page(String id, int version, String storage) {
}
