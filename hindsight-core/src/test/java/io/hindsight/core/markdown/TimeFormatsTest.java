package io.hindsight.core.markdown;

import org.junit.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class TimeFormatsTest {
    private static ZonedDateTime parse(String s) {
        return TimeFormats.parse(s, ZoneOffset.UTC, LocalDate.of(2026, 11, 2)).orElseThrow().value();
    }

    @Test
    public void readsTheSpellingsPostMortemsUse() {
        ZonedDateTime berlin = ZonedDateTime.of(2026, 11, 2, 14, 5, 0, 0, ZoneId.of("Europe/Berlin"));
        assertEquals(berlin, parse("2026-11-02 14:05 Europe/Berlin"));
        assertEquals(berlin.toInstant(), parse("2026-11-02T14:05:00+01:00").toInstant());
        assertEquals(berlin, parse("2026-11-02T14:05+01:00[Europe/Berlin]"));
        assertEquals(ZonedDateTime.of(2026, 11, 2, 13, 5, 0, 0, ZoneOffset.UTC), parse("2026-11-02 13:05 UTC"));
        assertEquals(ZonedDateTime.of(2026, 11, 2, 13, 5, 0, 0, ZoneOffset.UTC), parse("2026-11-02T13:05:00Z"));
        assertEquals(ZonedDateTime.of(2026, 11, 2, 9, 7, 30, 0, ZoneOffset.UTC), parse("9:07:30"));
    }

    @Test
    public void saysWhenItAssumedTheZone() {
        assertTrue(TimeFormats.parse("2026-11-02 14:05", ZoneOffset.UTC, null).orElseThrow().zoneAssumed());
        assertFalse(TimeFormats.parse("2026-11-02 14:05 UTC", ZoneOffset.UTC, null).orElseThrow().zoneAssumed());
    }

    @Test
    public void rejectsWhatIsNoTime() {
        assertTrue(TimeFormats.parse("yesterday afternoon", ZoneOffset.UTC, null).isEmpty());
        assertTrue(TimeFormats.parse("2026-13-02 14:05", ZoneOffset.UTC, null).isEmpty());
        assertTrue(TimeFormats.parse("2026-11-02 14:05 Mars/Olympus", ZoneOffset.UTC, null).isEmpty());
        assertTrue("a bare time needs a date", TimeFormats.parse("14:05", ZoneOffset.UTC, null).isEmpty());
    }

    @Test
    public void canonicalFormReadsBackToTheSameValue() {
        for (String s : new String[]{"2026-11-02 14:05 Europe/Berlin", "2026-11-02 14:05:09 UTC", "2026-11-02 14:05 +05:30"}) {
            ZonedDateTime t = parse(s);
            assertEquals(s, TimeFormats.format(t));
            assertEquals(t, parse(TimeFormats.format(t)));
        }
    }
}
