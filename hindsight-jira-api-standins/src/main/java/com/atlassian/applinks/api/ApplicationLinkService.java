package com.atlassian.applinks.api;

/** Stand-in (applinks-api). */
public interface ApplicationLinkService {
    ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type);
}
