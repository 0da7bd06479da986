package io.hindsight.core.markdown;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post-mortem written in Markdown: YAML front matter for metadata, {@code ##} headings for
 * sections. Also reads the common real-world shapes: the Google SRE book's {@code **Field**: value}
 * header and {@code ###} sub-sections, Atlassian's handbook headings, action items as a table.
 * Nothing is dropped: a line Hindsight cannot understand is reported with its line number and kept
 * as text of its section.
 */
public final class MarkdownReader {
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern FIELD_LINE = Pattern.compile("^\\s*(?:\\*\\*|__)?([\\p{L}][\\p{L}\\p{N} '/-]{0,40}?)\\s*(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:|:)\\s*(.*)$");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s{2,}\\S");

    private final Parser commonmark = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final Set<String> actionClasses;

    /** @param actionClasses the action classes allowed on this site, e.g. priority and improvement */
    public MarkdownReader(Set<String> actionClasses) {
        this.actionClasses = Set.copyOf(actionClasses);
    }

    public ParsedPostMortem read(String markdown, String sourceName) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        return new Run(text.replace("\r\n", "\n").replace('\r', '\n'), sourceName).read();
    }

    /** A line of the source with its 1-based number. */
    record Line(int number, String text) {
    }

    private record Boundary(int startIndex, int endIndex, SectionKind kind, String heading) {
    }

    /**
     * @param always  report it even when no heading was hidden: an open comment or HTML block hides
     *                the rest of the document in every Markdown viewer
     */
    private record Unclosed(int lineIndex, String what, String closer, boolean always, boolean comment) {
    }

    /** HTML blocks that CommonMark ends only at their closing text: start, closing text, what to call it. */
    private static final String[][] UNCLOSED_HTML = {
            {"<!--", "-->", "the HTML comment '<!--'"},
            {"<script", "</script>", "the HTML <script> block"},
            {"<style", "</style>", "the HTML <style> block"},
            {"<pre", "</pre>", "the HTML <pre> block"},
            {"<textarea", "</textarea>", "the HTML <textarea> block"},
            {"<![CDATA[", "]]>", "the CDATA section"},
            {"<?", "?>", "the processing instruction '<?'"},
    };

    /** The state of reading one document; discarded afterwards. */
    private final class Run {
        private final String source;
        private final String[] lines;
        private final List<FormatProblem> problems = new ArrayList<>();
        private final Metadata metadata;
        private final List<Section> sections = new ArrayList<>();
        private final List<SourceMap.SectionSource> sectionSources = new ArrayList<>();
        private final StructuredParts parts;

        /** Lines inside HTML comments: kept as text, never read as items or fields. */
        private final Set<Integer> commentLines = new HashSet<>();

        Run(String source, String sourceName) {
            this.source = sourceName;
            this.lines = source.split("\n", -1);
            this.metadata = new Metadata(problems);
            this.parts = new StructuredParts(actionClasses, problems);
            removeControlCharacters();
        }

        private void removeControlCharacters() {
            for (int i = 0; i < lines.length; i++) {
                ControlCharacters.Cleaned c = ControlCharacters.clean(lines[i]);
                if (!c.changed()) continue;
                lines[i] = c.text();
                problems.add(new FormatProblem(i + 1, "text", "removed characters that cannot be seen or shown ("
                        + String.join(", ", c.removed()) + "); Jira and Confluence would refuse or garble them",
                        FormatProblem.Level.WARNING, "Retype the line if it looks wrong now", null));
            }
        }

        ParsedPostMortem read() {
            int bodyStart = readFrontMatter();
            List<HeadingAt> headings = headings(bodyStart);
            int sectionLevel = headings.stream().anyMatch(h -> h.level == 2) ? 2
                    : headings.stream().filter(h -> h.level == 1).count() > 1 ? 1 : 2;

            Set<Integer> titleLines = new HashSet<>();
            for (HeadingAt h : headings) {
                if (h.level == 1 && sectionLevel == 2) {
                    if (metadata.title == null) {
                        metadata.title = h.text;
                        titleLines.add(h.start);
                    } else if (metadata.title.equals(h.text)) {
                        titleLines.add(h.start);
                    }
                    break;
                }
            }
            List<Boundary> boundaries = boundaries(headings, sectionLevel, titleLines);
            int preambleEnd = boundaries.isEmpty() ? lines.length : boundaries.get(0).startIndex;
            readPreamble(bodyStart, preambleEnd, titleLines);
            for (int b = 0; b < boundaries.size(); b++) {
                Boundary here = boundaries.get(b);
                int end = b + 1 < boundaries.size() ? boundaries.get(b + 1).startIndex : lines.length;
                addSection(here.kind, here.heading, here.startIndex + 1, range(here.endIndex + 1, end, titleLines));
            }
            if (metadata.title == null) {
                metadata.title = sourceName();
                // an unreadable front matter has been reported; its title is not missing, only unread
                if (!metadata.unreadable) {
                    problems.add(new FormatProblem(1, "title", "no title: add 'title:' to the front matter or a '# Title' heading", false));
                }
            }
            PostMortem pm = new PostMortem(metadata.key, metadata.title, metadata.severity, metadata.state,
                    metadata.times(), metadata.approved, metadata.services, metadata.authors, metadata.approvers,
                    metadata.template, sections, parts.whys, parts.factors, parts.timeline, parts.actions(), metadata.extra);
            SourceMap map = new SourceMap(metadata.lines, sectionSources, parts.actionLines, parts.timelineLines,
                    parts.whyLines, parts.factorLines);
            return new ParsedPostMortem(source, pm, map, problems);
        }

        private String sourceName() {
            if (source == null || source.isBlank()) return "Untitled post-mortem";
            String name = source.replaceAll("^.*[/\\\\]", "").replaceAll("\\.(md|markdown)$", "");
            return name.replace('-', ' ').replace('_', ' ');
        }

        /** Reads the YAML between the first two '---' lines; returns the index of the first body line. */
        private int readFrontMatter() {
            if (lines.length == 0 || !lines[0].strip().equals("---")) return 0;
            for (int i = 1; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.equals("---") || l.equals("...")) {
                    List<Line> yaml = new ArrayList<>();
                    for (int j = 1; j < i; j++) yaml.add(new Line(j + 1, lines[j]));
                    metadata.readFrontMatter(yaml);
                    return i + 1;
                }
            }
            problems.add(new FormatProblem(1, "front matter", "the front matter is not closed: add a line '---' after the last metadata line", true));
            return 0;
        }

        private record HeadingAt(int level, String text, int start, int end) {
        }

        /**
         * Headings as a Markdown renderer sees them: not inside code fences or HTML comments, setext
         * included. A comment, code fence or HTML block that is never closed runs to the end of the
         * document in Markdown and would hide every section after it: it is reported on its line and
         * read as closed at its own line, so nothing after it is lost.
         */
        private List<HeadingAt> headings(int bodyStart) {
            String[] body = java.util.Arrays.copyOfRange(lines, bodyStart, lines.length);
            Node doc = commonmark.parse(String.join("\n", body));
            for (int guard = 0; guard < body.length; guard++) {
                Unclosed open = unclosed(doc);
                if (open == null) break;
                String[] closed = body.clone();
                closed[open.lineIndex] = "";
                Node reparsed = commonmark.parse(String.join("\n", closed));
                if (!open.always && topHeadings(reparsed) == topHeadings(doc)) break;
                int line = bodyStart + open.lineIndex + 1;
                problems.add(new FormatProblem(line, "text", open.what + " on line " + line + " is never closed with " + open.closer + ", so Markdown reads"
                        + " everything after it as part of it", FormatProblem.Level.ERROR, "Close it with " + open.closer
                        + " where it should end; until then Hindsight reads it as ending on its own line", null));
                if (open.comment) commentLines.add(line);
                body = closed;
                doc = reparsed;
            }
            collectComments(doc, bodyStart);
            List<HeadingAt> result = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && !h.getSourceSpans().isEmpty()) {
                    List<SourceSpan> spans = h.getSourceSpans();
                    int start = bodyStart + spans.get(0).getLineIndex();
                    int end = bodyStart + spans.get(spans.size() - 1).getLineIndex();
                    result.add(new HeadingAt(h.getLevel(), plainText(h).strip(), start, end));
                }
            }
            return result;
        }

        private static long topHeadings(Node doc) {
            long n = 0;
            for (Node c = doc.getFirstChild(); c != null; c = c.getNext()) if (c instanceof Heading) n++;
            return n;
        }

        /** Every line of an HTML comment block, wherever it is (a list item, a quote). */
        private void collectComments(Node node, int bodyStart) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlBlock h && h.getLiteral().stripLeading().startsWith("<!--")) {
                    for (SourceSpan span : h.getSourceSpans()) commentLines.add(bodyStart + span.getLineIndex() + 1);
                }
                collectComments(n, bodyStart);
            }
        }

        /** "<pre" starts a &lt;pre&gt; block, "<preview" does not. */
        private static boolean startsWith(String html, String start) {
            if (!html.regionMatches(true, 0, start, 0, start.length())) return false;
            if (!Character.isLetter(start.charAt(start.length() - 1))) return true;
            return html.length() == start.length() || !Character.isLetterOrDigit(html.charAt(start.length())) && html.charAt(start.length()) != '-';
        }

        /** The first top-level block that Markdown leaves open to the end of the document, or null. */
        private static Unclosed unclosed(Node doc) {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n.getSourceSpans().isEmpty()) continue;
                int lineIndex = n.getSourceSpans().get(0).getLineIndex();
                if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                    String fence = f.getFenceCharacter().repeat(f.getOpeningFenceLength());
                    return new Unclosed(lineIndex, "the code block opened with " + fence, "a line " + fence, false, false);
                }
                if (n instanceof HtmlBlock h) {
                    String html = h.getLiteral().stripLeading();
                    for (String[] kind : UNCLOSED_HTML) {
                        if (startsWith(html, kind[0]) && !html.toLowerCase(java.util.Locale.ROOT).contains(kind[1])) {
                            return new Unclosed(lineIndex, kind[2], "'" + kind[1] + "'", true, kind[0].equals("<!--"));
                        }
                    }
                }
            }
            return null;
        }

        private List<Boundary> boundaries(List<HeadingAt> headings, int sectionLevel, Set<Integer> titleLines) {
            Set<SectionKind> topLevelKinds = new HashSet<>();
            for (HeadingAt h : headings) {
                if (h.level == sectionLevel) HeadingSynonyms.kindOf(h.text).ifPresent(topLevelKinds::add);
            }
            List<Boundary> result = new ArrayList<>();
            for (HeadingAt h : headings) {
                if (titleLines.contains(h.start)) continue;
                Optional<SectionKind> kind = HeadingSynonyms.kindOf(h.text);
                boolean section = h.level == sectionLevel
                        // "### What went well" under "## Lessons learned", as in the Google SRE book
                        || (h.level == sectionLevel + 1 && kind.isPresent() && !topLevelKinds.contains(kind.get()));
                if (section) result.add(new Boundary(h.start, h.end, kind.orElse(SectionKind.CUSTOM), h.text));
            }
            return result;
        }

        private List<Line> range(int from, int to, Set<Integer> skip) {
            List<Line> out = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (!skip.contains(i)) out.add(new Line(i + 1, lines[i]));
            }
            return out;
        }

        /** Text before the first section: "**Summary**: ..." style fields become metadata or sections. */
        private void readPreamble(int from, int to, Set<Integer> titleLines) {
            List<Line> text = new ArrayList<>();
            List<Section> fieldSections = new ArrayList<>();
            List<SourceMap.SectionSource> fieldSources = new ArrayList<>();
            boolean inFence = false;
            for (Line line : range(from, to, titleLines)) {
                if (FENCE.matcher(line.text).find()) inFence = !inFence;
                Matcher f = inFence || commentLines.contains(line.number) ? null : FIELD_LINE.matcher(line.text);
                if (f != null && f.matches() && !f.group(2).isBlank()) {
                    String name = f.group(1).strip();
                    String value = f.group(2).strip();
                    if (metadata.readPreambleField(name, value, line.number)) continue;
                    Optional<SectionKind> kind = HeadingSynonyms.kindOf(name);
                    if (kind.isPresent() && !kind.get().isStructured()) {
                        fieldSections.add(new Section(kind.get(), name, value));
                        fieldSources.add(new SourceMap.SectionSource(line.number, List.of(line.number)));
                        continue;
                    }
                }
                text.add(line);
            }
            Trimmed t = Trimmed.of(text);
            if (!t.lines.isEmpty()) {
                sections.add(new Section(SectionKind.CUSTOM, "", t.text()));
                sectionSources.add(new SourceMap.SectionSource(0, t.numbers()));
            }
            sections.addAll(fieldSections);
            sectionSources.addAll(fieldSources);
        }

        private void addSection(SectionKind kind, String heading, int headingLine, List<Line> body) {
            List<Line> text = kind.isStructured() ? parts.read(kind, body, commentLines, metadata.timelineDate(), metadata.timelineZone()) : body;
            Trimmed t = Trimmed.of(text);
            sections.add(new Section(kind, heading, t.text()));
            sectionSources.add(new SourceMap.SectionSource(headingLine, t.numbers()));
        }
    }

    /** Lines with leading and trailing blank lines removed. */
    record Trimmed(List<Line> lines) {
        static Trimmed of(List<Line> lines) {
            int a = 0;
            int b = lines.size();
            while (a < b && lines.get(a).text.isBlank()) a++;
            while (b > a && lines.get(b - 1).text.isBlank()) b--;
            return new Trimmed(lines.subList(a, b));
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) sb.append(l.text.stripTrailing()).append('\n');
            return sb.toString().strip();
        }

        List<Integer> numbers() {
            return lines.stream().map(Line::number).toList();
        }
    }

    /** The text of a Markdown node and its children, without markup (a heading's words, an image's alt text). */
    public static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) sb.append(t.getLiteral());
            else if (c instanceof Code code) sb.append(code.getLiteral());
            else sb.append(plainText(c));
        }
        return sb.toString();
    }

    static boolean isTableRow(String line) {
        return TABLE_ROW.matcher(line).matches();
    }

    static boolean isTableSeparator(String line) {
        return TABLE_SEPARATOR.matcher(line).matches();
    }

    static boolean isFence(String line) {
        return FENCE.matcher(line).find();
    }

    static boolean isListItem(String line) {
        return LIST_MARKER.matcher(line).find();
    }

    /** An indented line that carries on the list item above it. */
    static boolean isContinuation(String line) {
        return CONTINUATION.matcher(line).find() && !isListItem(line.stripLeading());
    }

    static String stripListMarker(String line) {
        return LIST_MARKER.matcher(line).replaceFirst("").strip();
    }

    /** Cells of a Markdown table row, with escaped pipes kept. */
    static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) r = r.substring(1);
        if (r.endsWith("|") && !r.endsWith("\\|")) r = r.substring(0, r.length() - 1);
        List<String> out = new ArrayList<>();
        for (String c : r.split("(?<!\\\\)\\|", -1)) out.add(c.replace("\\|", "|").strip());
        return out;
    }
}
