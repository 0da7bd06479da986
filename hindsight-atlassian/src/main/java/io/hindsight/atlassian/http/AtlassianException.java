package io.hindsight.atlassian.http;

/**
 * A request Jira or Confluence did not carry out. Subclasses say why, so callers decide by type.
 * The message names the request (method and path, never credentials) and what the server said.
 */
public class AtlassianException extends RuntimeException {
    private final String request;
    private final int status;
    private final ErrorBody error;

    public AtlassianException(String message, String request, int status, ErrorBody error, Throwable cause) {
        super(message, cause);
        this.request = request;
        this.status = status;
        this.error = error == null ? ErrorBody.EMPTY : error;
    }

    /** Method and path of the failed request. */
    public String request() {
        return request;
    }

    /** The HTTP status, 0 when no response came. */
    public int status() {
        return status;
    }

    public ErrorBody error() {
        return error;
    }

    /** 400: the request was wrong; {@link #error()} says which fields. */
    public static class BadRequest extends AtlassianException {
        private final String responseBody;

        public BadRequest(String message, String request, ErrorBody error, String responseBody) {
            super(message, request, 400, error, null);
            this.responseBody = responseBody == null ? "" : responseBody;
        }

        /** The body as sent, for responses that say more than errors (a bulk create's per-element errors). */
        public String responseBody() {
            return responseBody;
        }
    }

    /** 401: the credentials were refused. */
    public static class Unauthorized extends AtlassianException {
        public Unauthorized(String message, String request, ErrorBody error) {
            super(message, request, 401, error, null);
        }
    }

    /** 403: signed in, but not allowed. */
    public static class Forbidden extends AtlassianException {
        public Forbidden(String message, String request, ErrorBody error) {
            super(message, request, 403, error, null);
        }
    }

    /** 404: no such thing, or not visible to this account. */
    public static class NotFound extends AtlassianException {
        /** What {@code read} returns, or empty when Jira or Confluence answers 404: "no such thing" is an answer, not a failure. */
        public static <T> java.util.Optional<T> orEmpty(java.util.function.Supplier<T> read) {
            try {
                return java.util.Optional.of(read.get());
            } catch (NotFound e) {
                return java.util.Optional.empty();
            }
        }

        public NotFound(String message, String request, ErrorBody error) {
            super(message, request, 404, error, null);
        }
    }

    /** 409: a conflict, e.g. a page version that moved on. */
    public static class Conflict extends AtlassianException {
        public Conflict(String message, String request, ErrorBody error) {
            super(message, request, 409, error, null);
        }
    }

    /** 429 still after the allowed retries; {@link #retryAfterSeconds()} says when to come back. */
    public static class RateLimited extends AtlassianException {
        private final long retryAfterSeconds;

        public RateLimited(String message, String request, ErrorBody error, long retryAfterSeconds) {
            super(message, request, 429, error, null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 5xx still after the allowed retries. */
    public static class ServerError extends AtlassianException {
        public ServerError(String message, String request, int status, ErrorBody error) {
            super(message, request, status, error, null);
        }
    }

    /**
     * No response: the host unknown, the connection refused, TLS failed, a timeout, or the connection lost,
     * after the allowed retries. {@link #reason()} says which, so a person is told what to check.
     */
    public static class Transport extends AtlassianException {
        /** Why no answer came, as far as the client can tell. */
        public enum Reason {
            /** DNS has no such host name (a typo, or the machine's DNS cannot see the site). */
            UNKNOWN_HOST,
            /** Nothing accepted the connection: the wrong port, the server down, or a firewall rejecting it. */
            REFUSED,
            /** The TLS handshake failed: the port does not speak HTTPS, or the certificate is not trusted. */
            TLS,
            /** No connection within the connect timeout: packets dropped by a firewall, or the wrong address. */
            CONNECT_TIMEOUT,
            /** Connected, but no whole answer within the request timeout. */
            TIMEOUT,
            /** The connection closed or broke before the answer came. */
            CONNECTION_LOST;

            /** Whether the request can never have reached the server (safe to repeat, even a create). */
            public boolean neverArrived() {
                return this == UNKNOWN_HOST || this == REFUSED || this == TLS || this == CONNECT_TIMEOUT;
            }

            /** Reads the JDK's exceptions: {@code java.net.http} wraps most of these in a bare ConnectException. */
            public static Reason of(Throwable failure) {
                if (failure instanceof java.net.http.HttpConnectTimeoutException) return CONNECT_TIMEOUT;
                if (failure instanceof java.net.http.HttpTimeoutException) return TIMEOUT;
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) return UNKNOWN_HOST;
                    if (t instanceof javax.net.ssl.SSLException) return TLS;
                    if (t instanceof java.net.http.HttpConnectTimeoutException) return CONNECT_TIMEOUT;
                }
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) return REFUSED;
                }
                return CONNECTION_LOST;
            }
        }

        private final Reason reason;
        private final String product;

        public Transport(String message, String request, Throwable cause) {
            this(message, request, Reason.of(cause), null, cause);
        }

        /** @param product "Jira" or "Confluence", so a caller can name the setting to check; null when unknown */
        public Transport(String message, String request, Reason reason, String product, Throwable cause) {
            super(message, request, 0, ErrorBody.EMPTY, cause);
            this.reason = reason;
            this.product = product;
        }

        public Reason reason() {
            return reason;
        }

        /** "Jira" or "Confluence", when known. */
        public java.util.Optional<String> product() {
            return java.util.Optional.ofNullable(product);
        }
    }

    /**
     * A request that changes something failed in a way that it may or may not have landed (a timeout,
     * a 500). It was not retried blindly: the caller checks whether it landed before trying again.
     */
    public static class OutcomeUnknown extends AtlassianException {
        public OutcomeUnknown(String message, String request, int status, Throwable cause) {
            super(message, request, status, ErrorBody.EMPTY, cause);
        }
    }

    /** Any other 4xx. */
    public static class Refused extends AtlassianException {
        public Refused(String message, String request, int status, ErrorBody error) {
            super(message, request, status, error, null);
        }
    }
}
