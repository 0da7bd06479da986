package io.hindsight.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.core.report.ReportRow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The JSON shape of the remediation report ({@code report --format json} and {@code GET /api/report}): times in minutes. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String write(List<ReportRow> rows) {
        ArrayNode list = JSON.createArrayNode();
        for (ReportRow r : rows) {
            ObjectNode o = list.addObject().put("severity", r.group()).put("postMortems", r.postMortems());
            minutes(o, "minutesToDetect", r.toDetect());
            minutes(o, "minutesToMitigate", r.toMitigate());
            minutes(o, "minutesToResolve", r.toResolve());
            o.put("actionsOpen", r.actionsOpen()).put("actionsDone", r.actionsDone()).put("actionsOverdue", r.actionsOverdue())
                    .put("actionsUntracked", r.actionsUntracked());
        }
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().set("rows", list)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    private static void minutes(ObjectNode o, String field, Optional<Duration> d) {
        if (d.isPresent()) o.put(field, d.get().toSeconds() / 60.0);
        else o.putNull(field);
    }
}
