package io.hindsight.server.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the service takes from Jetty's requests and gives to its responses, in one place: a request
 * becomes a {@link Call}, a {@link Reply} becomes a response. Handlers see neither Jetty nor any other server.
 */
final class Exchanges {
    /** On every answer: no content sniffing (a JSON error cannot be run as HTML), and nothing kept in caches (tokens, jobs, reports). */
    static final Map<String, String> ALWAYS = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-store");

    private Exchanges() {
    }

    /** The call a request makes, with its body as read (or none, when it was too large). */
    static Call call(Request request, byte[] body, boolean tooLarge, TrustedProxies proxies) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>()).add(f.getValue());
        String peer = Request.getRemoteAddr(request);
        boolean viaProxy = proxies.trusts(peer);
        String client = proxies.client(peer, headers.getOrDefault("x-forwarded-for", List.of()));
        boolean secure = request.isSecure() || viaProxy && "https".equalsIgnoreCase(first(headers, "x-forwarded-proto"));
        String host = viaProxy && first(headers, "x-forwarded-host") != null ? first(headers, "x-forwarded-host") : first(headers, "host");
        String origin = (secure ? "https" : "http") + "://" + (host == null ? "" : host.strip().toLowerCase(Locale.ROOT));
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getDecodedPath();
        return new Call(method, path == null ? "/" : path, FormData.parse(request.getHttpURI().getQuery()), headers, client, origin, secure, body, tooLarge);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0).split(",")[0].strip();
    }

    /**
     * Writes the answer without blocking (a client that reads slowly holds no thread) and completes the
     * exchange when it has gone out; {@code close} ends the connection after it (a body left unread).
     */
    static void send(Response response, Callback callback, Reply reply, boolean close) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        ALWAYS.forEach(h::put);
        if (reply.contentType() != null) h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach(h::put);
        if (close) h.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        h.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
