package io.hindsight.server.web;

import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** How wrong tokens are slowed: growing, bounded, one after another per address, forgotten after the window. */
public class SignInThrottleTest {
    private final Instant[] now = {Instant.parse("2026-11-26T12:00:00Z")};
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now[0]; }
    };
    private final SignInThrottle throttle = new SignInThrottle(Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(10), clock);

    /** A wrong token, and its answer waited for, as a person retyping does. */
    private Duration failAndWait(String address) {
        SignInThrottle.Penalty p = throttle.failed(address);
        now[0] = now[0].plus(p.delay());
        return p.delay();
    }

    @Test
    public void eachWrongTokenWaitsTwiceAsLongUpToEightSeconds() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) waits.add(failAndWait("10.0.0.1").toMillis());
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L), waits);
        assertEquals("other addresses are not held up", 250, throttle.failed("10.0.0.2").delay().toMillis());
    }

    @Test
    public void guessesSentSideBySideAreAnsweredOneAfterAnother() {
        for (int i = 0; i < 5; i++) failAndWait("10.0.0.1"); // now at 8 s a guess
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SignInThrottle.Penalty p = throttle.failed("10.0.0.1");
            answers.add(p.retryIn().isPresent() ? -1 : p.delay().toSeconds());
        }
        // eight seconds apart, until a minute's worth is lined up; then told to come back later at once
        assertEquals(List.of(8L, 16L, 24L, 32L, 40L, 48L, 56L, 64L), answers);
        SignInThrottle.Penalty over = throttle.failed("10.0.0.1");
        assertTrue(over.retryIn().isPresent() && over.delay().isZero());
    }

    @Test
    public void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 6; i++) failAndWait("10.0.0.1");
        now[0] = now[0].plus(Duration.ofMinutes(11));
        assertEquals(250, throttle.failed("10.0.0.1").delay().toMillis());
    }
}
