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

    /** No response: connection refused, reset or timed out, after the allowed retries. */
    public static class Transport extends AtlassianException {
        public Transport(String message, String request, Throwable cause) {
            super(message, request, 0, ErrorBody.EMPTY, cause);
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
