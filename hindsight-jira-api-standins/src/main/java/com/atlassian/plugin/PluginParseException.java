package com.atlassian.plugin;

/** Stand-in (atlassian-plugins). */
public class PluginParseException extends RuntimeException {
    public PluginParseException(String message) {
        super(message);
    }
}
