package com.atlassian.applinks.api;

/** Stand-in (applinks-api). */
public interface ApplicationType {
}
