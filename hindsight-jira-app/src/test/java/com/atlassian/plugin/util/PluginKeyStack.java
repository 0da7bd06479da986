package com.atlassian.plugin.util;

/** Test-only stand-in for the plugin framework's PluginKeyStack, which Active Objects asks who is calling. */
public final class PluginKeyStack {
    private PluginKeyStack() {
    }

    public static String getFirstPluginKey() {
        return "io.hindsight.hindsight-jira-app";
    }
}
