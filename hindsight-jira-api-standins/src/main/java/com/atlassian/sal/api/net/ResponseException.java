package com.atlassian.sal.api.net;

/** Stand-in (SAL). */
public class ResponseException extends Exception {
    public ResponseException(String message) {
        super(message);
    }

    public ResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
