package com.atlassian.applinks.api;

import java.net.URI;

/** Stand-in (applinks-api): the user must authorise the app with the linked application first. */
public class CredentialsRequiredException extends Exception {
    private final URI authorisationUri;

    public CredentialsRequiredException(URI authorisationUri, String message) {
        super(message);
        this.authorisationUri = authorisationUri;
    }

    public URI getAuthorisationURI() {
        return authorisationUri;
    }
}
