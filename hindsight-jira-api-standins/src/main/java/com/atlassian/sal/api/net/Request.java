package com.atlassian.sal.api.net;

/** Stand-in (SAL). */
public interface Request<T extends Request<?, ?>, RESP extends Response> {
    enum MethodType { GET, POST, PUT, DELETE, HEAD, TRACE, OPTIONS }

    T setHeader(String headerName, String headerValue);

    T setRequestBody(String requestBody, String contentType);

    <RET> RET executeAndReturn(ReturningResponseHandler<? super RESP, RET> responseHandler) throws ResponseException;
}
