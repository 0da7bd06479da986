package io.hindsight.server.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Jira's webhook signature: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>}. */
public final class Signature {
    private final byte[] secret;

    public Signature(String secret) {
        if (secret == null || secret.length() < 16) throw new IllegalArgumentException("the webhook secret must be at least 16 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time: how long it takes does not tell how much of a forged signature was right. */
    public boolean verify(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(7).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), given);
    }

    public String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(body));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "webhook secret ****";
    }
}
