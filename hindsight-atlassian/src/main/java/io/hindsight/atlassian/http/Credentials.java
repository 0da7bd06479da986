package io.hindsight.atlassian.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How Hindsight signs in: a personal access token (Jira and Confluence Data Center) or an account
 * email with an API token (Cloud). The secret never appears in {@link #toString()}, logs or errors.
 */
public final class Credentials {
    private final String scheme;
    private final String user;
    private final char[] secret;

    private Credentials(String scheme, String user, char[] secret) {
        this.scheme = scheme;
        this.user = user;
        this.secret = secret;
    }

    /** Data Center personal access token, sent as {@code Authorization: Bearer}. */
    public static Credentials personalAccessToken(String token) {
        return new Credentials("Bearer", null, require(token, "personal access token").toCharArray());
    }

    /** Cloud: the account's email and an API token, sent as HTTP basic authentication. */
    public static Credentials emailAndApiToken(String email, String apiToken) {
        return new Credentials("Basic", require(email, "email"), require(apiToken, "API token").toCharArray());
    }

    /** Data Center basic authentication with a user name and password. */
    public static Credentials basic(String user, String password) {
        return new Credentials("Basic", require(user, "user name"), require(password, "password").toCharArray());
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " is empty");
        return value;
    }

    String authorizationHeader() {
        if (scheme.equals("Bearer")) return "Bearer " + new String(secret);
        String pair = user + ":" + new String(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return scheme.equals("Bearer") ? "personal access token ****" : "basic " + Objects.requireNonNullElse(user, "") + ":****";
    }
}
