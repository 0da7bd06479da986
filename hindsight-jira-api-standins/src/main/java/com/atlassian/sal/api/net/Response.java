package com.atlassian.sal.api.net;

/** Stand-in (SAL). */
public interface Response {
    int getStatusCode();

    String getResponseBodyAsString() throws ResponseException;

    String getHeader(String name);

    boolean isSuccessful();
}
