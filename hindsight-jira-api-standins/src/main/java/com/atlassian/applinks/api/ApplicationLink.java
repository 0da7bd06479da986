package com.atlassian.applinks.api;

import java.net.URI;

/** Stand-in (applinks-api). */
public interface ApplicationLink {
    String getName();

    URI getRpcUrl();

    URI getDisplayUrl();

    ApplicationLinkRequestFactory createAuthenticatedRequestFactory();
}
