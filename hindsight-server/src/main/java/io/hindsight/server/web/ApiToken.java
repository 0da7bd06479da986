package io.hindsight.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token of the JSON API. Only its SHA-256 is kept, and presented tokens are compared by
 * digest in constant time, so neither the token nor how much of it matched leaks.
 */
public final class ApiToken {
    /** Shorter tokens can be guessed; 16 characters of a password generator is the least we take. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;

    public ApiToken(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the API token is empty");
        if (token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the API token has " + token.strip().length() + " characters; use at least " + MIN_LENGTH
                    + " random ones (e.g. openssl rand -hex 32)");
        }
        this.digest = sha256(token.strip());
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[****]";
    }
}
