package com.atlassian.sal.api.net;

/** Stand-in (SAL). */
public interface ReturningResponseHandler<T extends Response, R> {
    R handle(T response) throws ResponseException;
}
