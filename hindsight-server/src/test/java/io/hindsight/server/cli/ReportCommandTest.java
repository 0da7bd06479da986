package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.report.ReportRow;
import org.junit.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The three shapes of the report, as a spreadsheet, a script and a person read them. */
public class ReportCommandTest {
    private static final List<ReportRow> ROWS = List.of(
            new ReportRow("SEV1", 2, Optional.of(Duration.ofMinutes(4)), Optional.empty(), Optional.of(Duration.ofHours(50)), 3, 1, 2, 1),
            new ReportRow("all", 2, Optional.of(Duration.ofMinutes(4)), Optional.empty(), Optional.of(Duration.ofSeconds(3 * 3600 + 30)), 3, 1, 2, 1));

    private static String print(ReportCommand.Format f) {
        StringWriter s = new StringWriter();
        ReportCommand.print(new io.hindsight.core.report.ReportData(java.time.LocalDate.of(2026, 11, 26), ROWS, List.of(), List.of(), List.of()), f, new PrintWriter(s));
        return s.toString();
    }

    @Test
    public void csvHasMinutesAndEmptyCellsForUnknownMoments() {
        String[] lines = print(ReportCommand.Format.csv).split("\\R");
        assertEquals("severity,post_mortems,minutes_to_detect,minutes_to_mitigate,minutes_to_resolve,actions_open,actions_done,actions_overdue,actions_untracked", lines[0]);
        assertEquals("SEV1,2,4,,3000,3,1,2,1", lines[1]);
        assertEquals("all,2,4,,180.5,3,1,2,1", lines[2]);
    }

    @Test
    public void jsonHasNullForUnknownMoments() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(print(ReportCommand.Format.json)).get("rows");
        assertEquals(2, rows.size());
        assertEquals("SEV1", rows.get(0).get("severity").asText());
        assertEquals(4.0, rows.get(0).get("minutesToDetect").asDouble(), 0);
        assertTrue(rows.get(0).get("minutesToMitigate").isNull());
        assertEquals(2, rows.get(0).get("actionsOverdue").asInt());
    }

    @Test
    public void tableSpeaksInHoursAndDays() {
        String t = print(ReportCommand.Format.table);
        assertTrue(t, t.contains("SEV1                2         4m           -     2d 02h      3      1        2          1"));
        assertTrue(t, t.contains("all                 2         4m           -     3h 00m"));
    }
}
