package io.hindsight.sandbox.jira;

import io.hindsight.sandbox.site.SandboxError;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JQL Hindsight uses, parsed properly: {@code project}, {@code issuetype}, {@code labels},
 * {@code key in (...)}, {@code issue in linkedIssues(KEY, "link")}, {@code duedate} against dates,
 * {@code now()}, {@code startOfDay()}, relative periods, {@code statusCategory}, {@code status},
 * {@code assignee}, {@code AND}/{@code OR}/{@code NOT}, parentheses, {@code IS EMPTY}, {@code ORDER BY}.
 * Anything else is answered with Jira's 400 and a message, never a silently wrong result.
 */
public final class Jql {
    public record Query(Predicate<JiraState.Issue> where, Comparator<JiraState.Issue> order) {
    }

    private enum T { WORD, STRING, OP, LPAREN, RPAREN, COMMA, EOF }

    private record Token(T type, String text, int pos) {
        boolean is(String word) {
            return type == T.WORD && text.equalsIgnoreCase(word);
        }
    }

    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([dwmyh])");
    private static final Set<String> KNOWN_FIELDS = Set.of("project", "issuetype", "type", "labels", "key", "issuekey", "id", "issue",
            "duedate", "due", "statuscategory", "status", "assignee", "created", "updated", "summary", "priority");

    private final JiraState state;
    private final Clock clock;
    private List<Token> tokens;
    private int at;

    public Jql(JiraState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public Query parse(String jql) {
        tokens = tokenize(jql == null ? "" : jql);
        at = 0;
        Predicate<JiraState.Issue> where = i -> true;
        if (!peek().is("order") && peek().type != T.EOF) where = or();
        Comparator<JiraState.Issue> order = Comparator.comparing(i -> i.created);
        if (peek().is("order")) {
            next();
            expectWord("by");
            order = orderBy();
        }
        if (peek().type != T.EOF) throw error("Expecting either 'OR' or 'AND' but got '" + peek().text + "'.", peek());
        return new Query(where, order);
    }

    private Predicate<JiraState.Issue> or() {
        Predicate<JiraState.Issue> left = and();
        while (peek().is("or")) {
            next();
            Predicate<JiraState.Issue> right = and();
            Predicate<JiraState.Issue> l = left;
            left = i -> l.test(i) || right.test(i);
        }
        return left;
    }

    private Predicate<JiraState.Issue> and() {
        Predicate<JiraState.Issue> left = not();
        while (peek().is("and")) {
            next();
            Predicate<JiraState.Issue> right = not();
            Predicate<JiraState.Issue> l = left;
            left = i -> l.test(i) && right.test(i);
        }
        return left;
    }

    private Predicate<JiraState.Issue> not() {
        if (peek().is("not") || (peek().type == T.OP && peek().text.equals("!"))) {
            next();
            return not().negate();
        }
        if (peek().type == T.LPAREN) {
            next();
            Predicate<JiraState.Issue> inner = or();
            if (peek().type != T.RPAREN) throw error("Expecting ')' but got '" + peek().text + "'.", peek());
            next();
            return inner;
        }
        return clause();
    }

    private Predicate<JiraState.Issue> clause() {
        Token f = next();
        if (f.type != T.WORD && f.type != T.STRING) throw error("Expecting a field name but got '" + f.text + "'.", f);
        String field = f.text.toLowerCase(Locale.ROOT);
        if (!KNOWN_FIELDS.contains(field)) {
            throw new SandboxError(400, "Field '" + f.text + "' does not exist or you do not have permission to view it.");
        }
        Token op = next();
        if (op.is("is")) {
            boolean negate = false;
            if (peek().is("not")) {
                next();
                negate = true;
            }
            Token v = next();
            if (!v.is("empty") && !v.is("null")) throw error("Expecting 'EMPTY' or 'NULL' but got '" + v.text + "'.", v);
            Predicate<JiraState.Issue> empty = i -> values(field, i).isEmpty();
            return negate ? empty.negate() : empty;
        }
        if (op.is("in") || op.is("not")) {
            boolean negate = op.is("not");
            if (negate) expectWord("in");
            Predicate<JiraState.Issue> in;
            if (peek().type == T.WORD && peek().text.equalsIgnoreCase("linkedIssues")) {
                if (!field.equals("issue") && !field.equals("key") && !field.equals("issuekey")) {
                    throw new SandboxError(400, "The function 'linkedIssues' is not supported by the '" + f.text + "' field.");
                }
                in = linkedIssues();
            } else {
                List<String> list = valueList();
                in = i -> values(field, i).stream().anyMatch(v -> list.stream().anyMatch(x -> equal(field, v, x)));
            }
            return negate ? in.negate() : in;
        }
        if (op.type != T.OP) throw error("Expecting operator but got '" + op.text + "'.", op);
        String o = op.text;
        if (o.equals("~") || o.equals("!~")) throw new SandboxError(400, "The operator '" + o + "' is not supported by the '" + f.text + "' field.");
        if (field.equals("duedate") || field.equals("due") || field.equals("created") || field.equals("updated")) return dateClause(field, o);
        if (!o.equals("=") && !o.equals("!=")) throw new SandboxError(400, "The operator '" + o + "' is not supported by the '" + f.text + "' field.");
        String value = value();
        Predicate<JiraState.Issue> eq = i -> values(field, i).stream().anyMatch(v -> equal(field, v, value));
        return o.equals("=") ? eq : eq.negate();
    }

    private Predicate<JiraState.Issue> linkedIssues() {
        next();
        if (peek().type != T.LPAREN) throw error("Expecting '(' after linkedIssues.", peek());
        next();
        String key = value();
        String phrase = null;
        if (peek().type == T.COMMA) {
            next();
            phrase = value();
        }
        if (peek().type != T.RPAREN) throw error("Expecting ')' but got '" + peek().text + "'.", peek());
        next();
        if (state.issue(key).isEmpty()) throw new SandboxError(400, "Issue '" + key + "' could not be found in function 'linkedIssues'.");
        if (phrase != null) {
            String p = phrase;
            boolean known = state.linkTypes.values().stream().anyMatch(t -> t.name().equalsIgnoreCase(p) || t.inward().equalsIgnoreCase(p) || t.outward().equalsIgnoreCase(p));
            if (!known) throw new SandboxError(400, "Issue link type '" + phrase + "' could not be found in function 'linkedIssues'.");
        }
        Set<String> keys = new HashSet<>(state.linkedIssues(key, phrase));
        return i -> keys.contains(i.key);
    }

    private Predicate<JiraState.Issue> dateClause(String field, String op) {
        Token v = peek();
        boolean due = field.startsWith("due");
        Instant when = dateValue();
        LocalDate day = when.atZone(ZoneOffset.UTC).toLocalDate();
        return i -> {
            int c;
            if (due) {
                var d = i.due();
                if (d.isEmpty()) return op.equals("!=");
                c = d.get().compareTo(day);
            } else {
                c = (field.equals("created") ? i.created : i.updated).compareTo(when);
            }
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw error("The operator '" + op + "' is not supported by the '" + field + "' field.", v);
            };
        };
    }

    /** A date literal ("2026-12-01"), a relative period ("-7d"), or now() / startOfDay(±Nd) / endOfDay(±Nd). */
    private Instant dateValue() {
        Token t = next();
        Instant now = clock.instant();
        if (t.type == T.WORD && (peek().type == T.LPAREN)) {
            String fn = t.text.toLowerCase(Locale.ROOT);
            if (!Set.of("now", "startofday", "endofday").contains(fn)) throw new SandboxError(400, "Unable to find JQL function '" + t.text + "()'.");
            next();
            String arg = peek().type == T.RPAREN ? null : next().text;
            if (peek().type != T.RPAREN) throw error("Expecting ')' but got '" + peek().text + "'.", peek());
            next();
            Instant base = arg == null ? now : plus(now, arg, t);
            LocalDate d = base.atZone(ZoneOffset.UTC).toLocalDate();
            return switch (fn) {
                case "now" -> base;
                case "startofday" -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
                case "endofday" -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
                default -> throw new SandboxError(400, "Unable to find JQL function '" + t.text + "()'.");
            };
        }
        Matcher rel = RELATIVE.matcher(t.text);
        if (rel.matches()) return plus(now, t.text, t);
        try {
            return LocalDate.parse(t.text.replace('/', '-').substring(0, Math.min(10, t.text.length()))).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new SandboxError(400, "Date value '" + t.text + "' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', "
                    + "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
        }
    }

    private Instant plus(Instant base, String period, Token at) {
        Matcher m = RELATIVE.matcher(period.strip());
        if (!m.matches()) throw error("'" + period + "' is not a valid period.", at);
        long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
        long hours = switch (m.group(3)) {
            case "h" -> n;
            case "d" -> n * 24;
            case "w" -> n * 24 * 7;
            case "m" -> n * 24 * 30;
            default -> n * 24 * 365;
        };
        return base.plusSeconds(hours * 3600);
    }

    private Comparator<JiraState.Issue> orderBy() {
        Comparator<JiraState.Issue> order = null;
        do {
            Token f = next();
            String field = f.text.toLowerCase(Locale.ROOT);
            Comparator<JiraState.Issue> c = switch (field) {
                case "key", "issuekey" -> Comparator.comparing((JiraState.Issue i) -> i.projectKey).thenComparingLong(i -> Long.parseLong(i.key.substring(i.key.indexOf('-') + 1)));
                case "duedate", "due" -> Comparator.comparing((JiraState.Issue i) -> i.due().orElse(LocalDate.MAX));
                case "created" -> Comparator.comparing((JiraState.Issue i) -> i.created);
                case "updated" -> Comparator.comparing((JiraState.Issue i) -> i.updated);
                case "status" -> Comparator.comparing((JiraState.Issue i) -> state.statuses.get(i.statusId).name());
                case "priority" -> Comparator.comparing((JiraState.Issue i) -> i.fields.path("priority").path("name").asText(""));
                default -> throw new SandboxError(400, "Field '" + f.text + "' does not exist or you do not have permission to view it.");
            };
            if (peek().is("desc")) {
                next();
                c = c.reversed();
            } else if (peek().is("asc")) {
                next();
            }
            order = order == null ? c : order.thenComparing(c);
            if (peek().type != T.COMMA) break;
            next();
        } while (true);
        return order;
    }

    /** The values an issue has for a field, lower-cased where Jira compares without case. */
    private List<String> values(String field, JiraState.Issue i) {
        List<String> out = new ArrayList<>();
        switch (field) {
            case "project" -> {
                out.add(i.projectKey);
                JiraState.Project p = state.projects.get(i.projectKey);
                if (p != null) {
                    out.add(p.id());
                    out.add(p.name());
                }
            }
            case "issuetype", "type" -> {
                JiraState.IssueType t = state.issueTypes.get(i.issueTypeId);
                out.add(i.issueTypeId);
                if (t != null) out.add(t.name());
            }
            case "labels" -> out.addAll(i.labels());
            case "key", "issuekey", "issue" -> {
                out.add(i.key);
                out.add(i.id);
            }
            case "id" -> out.add(i.id);
            case "status" -> {
                JiraState.Status s = state.statuses.get(i.statusId);
                out.add(s.name());
                out.add(s.id());
            }
            case "statuscategory" -> {
                JiraState.Status s = state.statuses.get(i.statusId);
                out.add(s.categoryName());
                out.add(s.categoryKey());
                out.add(String.valueOf(s.categoryId()));
            }
            case "assignee" -> {
                String a = i.fields.path("assignee").path("name").asText(i.fields.path("assignee").path("accountId").asText(""));
                if (!a.isEmpty()) {
                    out.add(a);
                    state.userByIdOrName(a).ifPresent(u -> {
                        out.add(u.name());
                        out.add(u.accountId());
                    });
                }
            }
            case "summary" -> {
                String s = i.text("summary");
                if (s != null) out.add(s);
            }
            case "priority" -> {
                String p = i.fields.path("priority").path("name").asText("");
                if (!p.isEmpty()) out.add(p);
            }
            case "duedate", "due" -> i.due().ifPresent(d -> out.add(d.toString()));
            default -> {
            }
        }
        return out;
    }

    private static boolean equal(String field, String actual, String wanted) {
        return field.equals("labels") ? actual.equals(wanted) : actual.equalsIgnoreCase(wanted);
    }

    private List<String> valueList() {
        if (peek().type != T.LPAREN) throw error("Expecting '(' but got '" + peek().text + "'.", peek());
        next();
        List<String> out = new ArrayList<>();
        while (true) {
            out.add(value());
            Token t = next();
            if (t.type == T.RPAREN) return out;
            if (t.type != T.COMMA) throw error("Expecting ',' or ')' but got '" + t.text + "'.", t);
        }
    }

    private String value() {
        Token t = next();
        if (t.type != T.WORD && t.type != T.STRING) throw error("Expecting a value but got '" + t.text + "'.", t);
        return t.text;
    }

    private void expectWord(String w) {
        Token t = next();
        if (!t.is(w)) throw error("Expecting '" + w.toUpperCase(Locale.ROOT) + "' but got '" + t.text + "'.", t);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.type != T.EOF) at++;
        return t;
    }

    private static SandboxError error(String message, Token at) {
        return new SandboxError(400, "Error in the JQL Query: " + message + " (line 1, character " + (at.pos + 1) + ")");
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        char n = s.charAt(++i);
                        sb.append(switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> n;
                        });
                    } else {
                        sb.append(s.charAt(i));
                    }
                    i++;
                }
                if (i >= s.length()) throw new SandboxError(400, "Error in the JQL Query: The quoted string " + s.substring(start) + " has not been completed. (line 1, character " + (start + 1) + ")");
                i++;
                out.add(new Token(T.STRING, sb.toString(), start));
            } else if (c == '(') {
                out.add(new Token(T.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(T.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(T.COMMA, ",", i++));
            } else if ("=!<>~".indexOf(c) >= 0) {
                int start = i;
                i++;
                if (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == '~')) i++;
                out.add(new Token(T.OP, s.substring(start, i), start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()=,!<>~\"'".indexOf(s.charAt(i)) < 0) i++;
                if (start == i) throw new SandboxError(400, "Error in the JQL Query: The character '" + c + "' is a reserved JQL character. (line 1, character " + (i + 1) + ")");
                out.add(new Token(T.WORD, s.substring(start, i), start));
            }
        }
        out.add(new Token(T.EOF, "<EOF>", s.length()));
        return out;
    }
}
