package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;
import java.net.URI;

/** Stand-in (applinks-api). */
public interface ApplicationLinkRequestFactory {
    ApplicationLinkRequest createRequest(Request.MethodType methodType, String url) throws CredentialsRequiredException;

    URI getAuthorisationURI();
}
