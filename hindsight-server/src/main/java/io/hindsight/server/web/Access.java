package io.hindsight.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the JSON API and the web page, decided in one place for both: the API token (a bearer
 * header, or typed once into the page's sign-in form), one throttle of wrong tokens per address shared by
 * both (so guessing cannot switch between them), the page's sessions and their CSRF tokens. The right
 * token is always let in at once; wrong ones are answered ever more slowly ({@link SignInThrottle}).
 */
public final class Access {
    /** How long a page session lasts. */
    public static final Duration SESSION = Duration.ofHours(8);

    /** What the caller may do. */
    public sealed interface Verdict permits Allowed, Off, Throttled, Refused {
    }

    /** Go on. */
    public record Allowed() implements Verdict {
    }

    /** No token is configured: the API and the page are off. */
    public record Off() implements Verdict {
    }

    /** A wrong token from an address whose wrong answers are lined up too far ahead already: come back later. */
    public record Throttled(Duration retryIn) implements Verdict {
    }

    /** A missing or wrong token; the answer should go out after {@code delay}. */
    public record Refused(Duration delay) implements Verdict {
    }

    /** A signed-in browser: its cookie value, when it ends, and the token every form it sends must carry. */
    public record Session(String id, Instant expires, String csrf) {
    }

    private final Optional<ApiToken> token;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param token empty: the API and the page are off, and say how to turn them on */
    public Access(Optional<ApiToken> token, SignInThrottle throttle, Clock clock) {
        this.token = token;
        this.throttle = throttle;
        this.clock = clock;
    }

    public static Access of(Optional<ApiToken> token) {
        return new Access(token, SignInThrottle.defaults(), Clock.systemUTC());
    }

    public boolean on() {
        return token.isPresent();
    }

    /**
     * An API call from {@code address} with its {@code Authorization} header (null when it sent none). The
     * token is checked first: the right one is never held up by anyone's wrong ones.
     */
    public Verdict bearer(String address, String authorization) {
        if (token.isEmpty()) return new Off();
        if (token.get().accepts(authorization)) return new Allowed();
        // no token at all is not a guess (a script without its secret, a browser before signing in)
        if (authorization == null || authorization.isBlank() || authorization.strip().equalsIgnoreCase("Bearer")) return new Refused(Duration.ZERO);
        SignInThrottle.Penalty p = throttle.failed(address);
        return p.retryIn().<Verdict>map(Throttled::new).orElseGet(() -> new Refused(p.delay()));
    }

    /** A sign-in on the page with the token typed in; a session when it was right. */
    public Verdict signIn(String address, String typed) {
        return bearer(address, "Bearer " + (typed == null ? "" : typed));
    }

    /** A new session, after a sign-in was {@link Allowed}; expired ones are dropped. */
    public Session open() {
        sessions.entrySet().removeIf(e -> e.getValue().expires().isBefore(clock.instant()));
        Session s = new Session(randomHex(), clock.instant().plus(SESSION), randomHex());
        sessions.put(s.id(), s);
        return s;
    }

    /** The session a cookie names, while it lasts. */
    public Optional<Session> session(String id) {
        if (id == null) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null || s.expires().isBefore(clock.instant())) return Optional.empty();
        return Optional.of(s);
    }

    /** Whether a form came from the page this session was shown: its CSRF token, compared in constant time. */
    public static boolean sameForm(Session s, String presented) {
        return MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8), (presented == null ? "" : presented).getBytes(StandardCharsets.UTF_8));
    }

    public void close(String sessionId) {
        if (sessionId != null) sessions.remove(sessionId);
    }

    /** Whether a session is still open (for what the page keeps per session). */
    public boolean isOpen(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    private String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
