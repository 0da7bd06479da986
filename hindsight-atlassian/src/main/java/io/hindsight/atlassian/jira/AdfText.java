package io.hindsight.atlassian.jira;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an ADF document (Jira Cloud's rich text) back as Markdown, so a post-mortem's fields read the
 * same on Cloud as on Data Center. Covers what people type in Jira: paragraphs, headings, lists,
 * code, quotes, tables, links, mentions, status lozenges.
 */
final class AdfText {
    private AdfText() {
    }

    static String toMarkdown(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        blocks(doc.path("content"), "", out);
        return out.toString().strip();
    }

    private static void blocks(JsonNode content, String indent, StringBuilder out) {
        for (JsonNode n : content) {
            switch (n.path("type").asText()) {
                case "paragraph" -> out.append(indent).append(inline(n.path("content"))).append("\n\n");
                case "heading" -> out.append("#".repeat(Math.max(1, Math.min(6, n.path("attrs").path("level").asInt(2)))))
                        .append(' ').append(inline(n.path("content"))).append("\n\n");
                case "bulletList", "orderedList" -> {
                    boolean ordered = n.path("type").asText().equals("orderedList");
                    int i = n.path("attrs").path("order").asInt(1);
                    for (JsonNode item : n.path("content")) {
                        String marker = ordered ? (i++) + ". " : "- ";
                        StringBuilder itemText = new StringBuilder();
                        blocks(item.path("content"), "", itemText);
                        String[] lines = itemText.toString().strip().split("\n");
                        out.append(indent).append(marker).append(lines.length > 0 ? lines[0] : "").append('\n');
                        for (int l = 1; l < lines.length; l++) {
                            if (!lines[l].isBlank()) out.append(indent).append(" ".repeat(marker.length())).append(lines[l]).append('\n');
                        }
                    }
                    out.append('\n');
                }
                case "codeBlock" -> out.append("```").append(n.path("attrs").path("language").asText(""))
                        .append('\n').append(plain(n.path("content"))).append("\n```\n\n");
                case "blockquote" -> {
                    StringBuilder q = new StringBuilder();
                    blocks(n.path("content"), "", q);
                    for (String line : q.toString().strip().split("\n")) out.append("> ").append(line).append('\n');
                    out.append('\n');
                }
                case "rule" -> out.append("---\n\n");
                case "table" -> {
                    boolean header = true;
                    for (JsonNode row : n.path("content")) {
                        StringBuilder r = new StringBuilder("|");
                        int cells = 0;
                        for (JsonNode cell : row.path("content")) {
                            StringBuilder c = new StringBuilder();
                            blocks(cell.path("content"), "", c);
                            r.append(' ').append(c.toString().strip().replace("\n", " ").replace("|", "\\|")).append(" |");
                            cells++;
                        }
                        out.append(r).append('\n');
                        if (header) out.append("|").append(" --- |".repeat(cells)).append('\n');
                        header = false;
                    }
                    out.append('\n');
                }
                default -> blocks(n.path("content"), indent, out);
            }
        }
    }

    private static String inline(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : content) {
            switch (n.path("type").asText()) {
                case "text" -> {
                    String t = n.path("text").asText();
                    String href = null;
                    for (JsonNode m : n.path("marks")) {
                        switch (m.path("type").asText()) {
                            case "strong" -> t = "**" + t + "**";
                            case "em" -> t = "_" + t + "_";
                            case "code" -> t = "`" + t + "`";
                            case "strike" -> t = "~~" + t + "~~";
                            case "link" -> href = m.path("attrs").path("href").asText();
                            default -> {
                            }
                        }
                    }
                    sb.append(href == null ? t : "[" + t + "](" + href + ")");
                }
                case "hardBreak" -> sb.append("\n");
                case "mention" -> sb.append(n.path("attrs").path("text").asText("@someone"));
                case "status" -> sb.append(n.path("attrs").path("text").asText());
                case "emoji" -> sb.append(n.path("attrs").path("text").asText(n.path("attrs").path("shortName").asText()));
                case "inlineCard" -> sb.append(n.path("attrs").path("url").asText());
                case "date" -> sb.append(java.time.Instant.ofEpochMilli(n.path("attrs").path("timestamp").asLong()).toString(), 0, 10);
                default -> sb.append(plain(n.path("content")));
            }
        }
        return sb.toString();
    }

    private static String plain(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : content) {
            if (n.has("text")) sb.append(n.path("text").asText());
            else sb.append(plain(n.path("content")));
        }
        return sb.toString();
    }
}
