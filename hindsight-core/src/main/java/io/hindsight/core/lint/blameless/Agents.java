package io.hindsight.core.lint.blameless;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the noun phrase that is the subject or object of a predicate and tells a person, role or team
 * from a system. People are recognised by what they are, not by a list of names: a proper noun that is
 * not an English word or a product, a pronoun, a handle, a role or team noun, or a name the post-mortem
 * itself lists (authors, approvers, owners).
 */
final class Agents {
    private static final Set<String> FUNCTION = Set.of("the", "a", "an", "this", "that", "these", "those", "our", "my", "your",
            "his", "her", "their", "its", "one", "some", "any", "every", "each", "all", "both", "whole", "entire", "another", "other");
    /** Departments that name a team even written in lower case ("ops missed it"); "data", "platform" need a capital. */
    private static final Set<String> CLEAR_DEPARTMENTS = Set.of("ops", "devops", "devsecops", "secops", "qa", "qe", "sre", "support", "helpdesk",
            "noc", "soc", "marketing", "sales", "legal", "finance", "hr", "leadership", "management", "engineering", "operations",
            "procurement", "compliance", "facilities", "infosec");
    private static final Set<String> PREP = Set.of("of", "from", "on", "in", "at", "with", "for");
    private static final Set<String> CLAUSE_WORDS = Set.of("because", "when", "while", "after", "before", "since", "so", "but",
            "although", "though", "if", "unless", "until", "once", "as", "and", "or", "then", "where", "whereas");
    private static final Set<String> SKIP = Set.of("also", "just", "then", "really", "simply", "clearly", "obviously", "again",
            "actually", "still", "already", "even", "only", "personally", "themselves", "himself", "herself", "all", "both",
            "allegedly", "apparently", "probably", "likely", "definitely", "certainly", "entirely", "completely", "totally",
            "ever", "once", "twice", "later", "first", "directly", "quickly", "soon", "immediately", "manually");
    private static final Set<String> AUX = Set.of("be", "have", "do", "will", "would", "should", "could", "must", "might", "may",
            "can", "shall", "ought", "not", "n't", "never", "to", "get", "shouldve", "couldve", "wouldve", "shoulda", "coulda", "woulda");
    /** Common first names that are also English words, so the vocabulary test alone would miss them. */
    private static final Set<String> NAME_WORDS = Set.of("mark", "will", "bill", "rose", "grace", "hope", "joy", "faith", "dawn",
            "ray", "may", "june", "april", "august", "pat", "sue", "art", "chase", "max", "rich", "ana", "lee", "jun", "min",
            "kim", "amir", "ali", "ben", "dan", "sam", "tom", "jack", "frank", "grant", "drew", "lane", "gene", "jean", "bob",
            "rob", "nick", "don", "guy", "victor", "carol", "ivy", "iris", "olive", "lily", "ruby", "pearl", "jade", "amber",
            "sandy", "rusty", "cliff", "glen", "dale", "wade", "miles", "pierce", "sky", "rain", "summer", "autumn", "leo",
            "dean", "earl", "norm", "sterling", "noble", "hunter", "mason", "taylor", "parker", "cooper", "carter", "tucker",
            "ted", "tim", "bo", "jo", "kai", "ravi", "raj", "mohan", "sunny", "bao", "thanh", "tuan",
            "ha", "ji", "yu", "li", "wei", "ming", "hong", "kang", "mei", "lin", "kiri", "aroha", "ngozi", "ada", "eve", "kofi");

    private final Lexicon lex;
    private final Set<String> knownNames;

    Agents(Lexicon lex, Set<String> knownNames) {
        this.lex = lex;
        this.knownNames = knownNames;
    }

    /** The subject of the predicate at {@code v}: the noun phrase before it, past adverbs and auxiliaries. */
    Agent subject(List<Token> t, int v) {
        int i = v - 1;
        while (i >= 0 && skippable(t.get(i))) i--;
        if (i < 0) return Agent.none(v);
        Token w = t.get(i);
        if (w.is("who", "that") && i > 0) {
            int j = i - 1;
            if (t.get(j).text().equals(",")) j--;
            return j >= 0 ? phraseEndingAt(t, j) : Agent.none(v);
        }
        if (w.is("which")) return new Agent(Agent.Kind.SYSTEM, 0.8, i, i + 1);
        // "Lerato, who owned the certificate, forgot": past the clause between commas
        if (w.text().equals(",")) {
            for (int k = i - 1; k > 0 && k >= i - 14; k--) {
                if (t.get(k).text().equals(",")) {
                    if (t.get(k + 1).is("who", "whose", "which", "a", "an", "the", "our", "one")) return k > 0 ? phraseEndingAt(t, k - 1) : Agent.none(v);
                    break;
                }
            }
            return Agent.none(v);
        }
        Agent a = phraseEndingAt(t, i);
        // "The engineer who ran the migration has been removed": the phrase before "who" is the subject
        for (int k = a.from() - 1; k >= 0 && k >= a.from() - 8; k--) {
            Token r = t.get(k);
            if (r.is("who") && k > 0) {
                Agent head = phraseEndingAt(t, k - 1);
                return head.people() ? head : a;
            }
            // "Whoever set up the cron job never thought to add a lock"
            if (r.is("whoever") && !a.people()) return new Agent(Agent.Kind.PERSON, 0.85, k, k + 1);
            if (r.text().equals(",") || r.is(";", "because", "when", "after", "and", "but")) break;
        }
        return a;
    }

    private static boolean skippable(Token w) {
        return SKIP.contains(w.lower()) || AUX.contains(w.lemma()) || AUX.contains(w.lower()) || w.tag().equals("AUX")
                || (w.lower().endsWith("ly") && w.lower().length() > 4 && (w.tag().equals("ADV") || w.tag().equals("ADJ")));
    }

    /** The noun phrase after position {@code v} (the object of a verb), with a possessor if it has one. */
    Agent object(List<Token> t, int v) {
        int i = v + 1;
        while (i < t.size() && (t.get(i).is("away", "off", "up", "out", "down") || FUNCTION.contains(t.get(i).lower()) && !t.get(i).is("his", "her", "their"))) i++;
        if (i >= t.size()) return Agent.none(v);
        if (t.get(i).is("his", "her", "their", "him", "them")) return classifyPronoun(t.get(i), i);
        int end = i;
        while (end + 1 < t.size() && nounish(t, end + 1, false) && !FUNCTION.contains(t.get(end + 1).lower())
                && !(t.get(end + 1).tag().equals("ADJ") && t.get(end).noun())) end++;
        // "Paolo's production access": the possessor is who is sanctioned
        for (int k = i; k <= end; k++) {
            if (t.get(k).lower().equals("'s") && k > i) return classify(t, i, k - 1);
        }
        return classify(t, i, end);
    }

    /** The noun phrase that ends at token {@code end}. */
    Agent phraseEndingAt(List<Token> t, int end) {
        Token last = t.get(end);
        if (last.text().equals("IT")) return new Agent(Agent.Kind.TEAM, 0.8, end, end + 1);
        if (isPronoun(last.lower())) {
            if (end > 0 && t.get(end - 1).is("no") && last.is("one")) return new Agent(Agent.Kind.PERSON, 0.6, end - 1, end + 1);
            return classifyPronoun(last, end);
        }
        if (!nounish(t, end, true)) return Agent.none(end);
        int start = end;
        // leftwards to the determiner that opens the phrase ("the billing run", not "Olumide the billing run")
        while (start - 1 >= 0 && !FUNCTION.contains(t.get(start).lower()) && (nounish(t, start - 1, true) || joinsPhrase(t, start - 1))) start--;
        while (start < end && (PREP.contains(t.get(start).lower()) || t.get(start).is("and"))) start++;
        // "the author of the migration", "the owner of the service": the person comes before "of"
        if (start >= 2 && t.get(start - 1).is("of") && lex.in("role", t.get(start - 2).lemma()) && !t.get(start - 2).verb()) {
            Agent owner = phraseEndingAt(t, start - 2);
            if (owner.people()) return owner;
        }
        // "a developer from the mobile team", "one of our admins", "someone on the platform team": the head comes first
        for (int k = start + 1; k < end; k++) {
            if (PREP.contains(t.get(k).lower())) {
                if (t.get(k - 1).is("one", "some", "none", "all", "both", "several", "many", "most", "each", "any")) return classify(t, k + 1, end);
                return classify(t, start, k - 1);
            }
        }
        return classify(t, start, end);
    }

    /** A preposition or "and" inside a noun phrase ("one of our admins", "Oluwaseun and Dilnoza"). */
    private boolean joinsPhrase(List<Token> t, int k) {
        Token w = t.get(k);
        if (k == 0) return false;
        if (w.is("and")) return t.get(k - 1).capitalised() && t.get(k + 1).capitalised();
        return PREP.contains(w.lower()) && !w.is("for", "with") && nounish(t, k - 1, true);
    }

    private boolean nounish(List<Token> t, int k, boolean leftward) {
        Token w = t.get(k);
        if (!w.word() && !w.lower().equals("'s") && !w.text().equals("-")) return false;
        if (CLAUSE_WORDS.contains(w.lower()) && !w.capitalised()) return false;
        if (w.lower().equals("'s")) return true;
        if (FUNCTION.contains(w.lower())) return true;
        boolean insidePhrase = k > 0 && (t.get(k - 1).tag().equals("DET") || t.get(k - 1).noun() || t.get(k - 1).tag().equals("ADJ"));
        if (w.verb() && insidePhrase && (lex.in("role", w.lemma()) || lex.in("ambiguous-role", w.lemma()) || lex.in("team", w.lemma()))) return true;
        if ((!w.verb() || w.capitalised()) && (lex.in("role", w.lemma()) || lex.in("ambiguous-role", w.lemma()) || lex.in("team", w.lemma()) || lex.in("system", w.lemma()) || lex.in("tech-name", w.lower())
                || lex.in("department", w.lower()))) return true;
        if (w.tag().equals("NOUN") || w.tag().equals("PROPN") || w.tag().equals("NUM")) return true;
        if (w.tag().equals("ADJ") && !w.lower().endsWith("ly")) return true;
        // the tagger often mistakes unfamiliar names for adverbs, adjectives or pronouns
        if (w.capitalised() && !lex.isEnglish(w.lower()) && !AUX.contains(w.lemma())) return true;
        // "when mehmet decided": a lower-case unfamiliar word opening a clause, which the tagger reads as anything
        if (k > 0 && CLAUSE_WORDS.contains(t.get(k - 1).lower()) && !w.capitalised() && w.word() && !lex.isEnglish(w.lower())
                && !lex.listed(w.lemma()) && !w.lower().contains("-")) return true;
        return k == 0 && !lex.isEnglish(w.lower()) && w.word();
    }

    private static boolean isPronoun(String lower) {
        return switch (lower) {
            case "he", "she", "i", "we", "they", "you", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
                 "nobody", "whoever", "it", "this", "that", "him", "her", "them", "us", "me" -> true;
            default -> false;
        };
    }

    private Agent classifyPronoun(Token w, int i) {
        Agent.Kind kind;
        double c;
        switch (w.lower()) {
            case "he", "she", "him", "her", "his" -> { kind = Agent.Kind.PERSON; c = 0.9; }
            case "i", "me" -> { kind = Agent.Kind.PERSON; c = 0.85; }
            case "someone", "somebody", "whoever" -> { kind = Agent.Kind.PERSON; c = 0.85; }
            case "anyone", "anybody", "everyone", "everybody" -> { kind = Agent.Kind.PERSON; c = 0.7; }
            case "nobody" -> { kind = Agent.Kind.PERSON; c = 0.6; }
            case "you" -> { kind = Agent.Kind.PERSON; c = 0.7; }
            case "we", "us", "our" -> { kind = Agent.Kind.WE; c = 0.75; }
            case "they", "them", "their" -> { kind = Agent.Kind.THEY; c = 0.55; }
            default -> { kind = Agent.Kind.SYSTEM; c = 0.6; }
        }
        return new Agent(kind, c, i, i + 1);
    }

    /** Classifies the phrase {@code [from..head]} by its head, the last word, and its modifiers. */
    Agent classify(List<Token> t, int from, int head) {
        while (from < head && FUNCTION.contains(t.get(from).lower())) from++;
        // "the engineer responsible": an adjective after its noun
        while (head > from && t.get(head).tag().equals("ADJ") && t.get(head - 1).noun()) head--;
        Token h = t.get(head);
        int to = head + 1;
        String lower = h.lower(), lemma = h.lemma();
        if (lower.startsWith("@")) return new Agent(Agent.Kind.PERSON, 0.95, from, to);
        if (knownNames.contains(lower)) return new Agent(Agent.Kind.PERSON, 0.95, from, to);
        if (isPronoun(lower)) return classifyPronoun(h, head);
        boolean determiner = from > 0 && FUNCTION.contains(t.get(from - 1).lower());
        boolean techModifier = false;
        for (int k = from; k < head; k++) {
            Token m = t.get(k);
            if (lex.in("tech-name", m.lower()) || lex.in("system", m.lemma()) && !lex.in("role", m.lemma()) && !lex.in("department", m.lemma())
                    || looksTechnical(m.text())) techModifier = true;
        }
        if (lex.in("affected", lemma) && !lex.in("role", lemma)) return new Agent(Agent.Kind.AFFECTED, 0.8, from, to);
        if (head > from && lex.in("role", t.get(head - 1).lemma() + " " + lemma)) return new Agent(Agent.Kind.ROLE, 0.9, from, to);
        if (lex.in("ambiguous-role", lemma)) {
            if (techModifier) return new Agent(Agent.Kind.SYSTEM, 0.8, from, to);
            boolean humanModifier = head > from && (lex.in("department", t.get(head - 1).lower()) || lex.in("role", t.get(head - 1).lemma())
                    || lex.in("team", t.get(head - 1).lemma()));
            // "the scheduler", "the worker", "the agent": in a post-mortem these are software unless a team qualifies them
            if (lex.in("software-role", lemma) && !humanModifier) return new Agent(Agent.Kind.SYSTEM, 0.6, from, to);
            return new Agent(Agent.Kind.ROLE, 0.7, from, to);
        }
        if (lex.in("role", lemma) || lex.in("role", lower)) return new Agent(Agent.Kind.ROLE, 0.9, from, to);
        if (lex.in("team", lemma)) return new Agent(Agent.Kind.TEAM, techModifier ? 0.6 : 0.85, from, to);
        if (lex.in("department", lemma) && !techModifier && to < t.size() + 1) {
            boolean bare = !determiner && from == head;
            boolean clear = CLEAR_DEPARTMENTS.contains(lemma);
            if (lemma.equals("it") && !h.text().equals("IT")) return new Agent(Agent.Kind.SYSTEM, 0.6, from, to);
            if (clear && (bare || h.capitalised())) return new Agent(Agent.Kind.TEAM, 0.8, from, to);
            if (bare && h.capitalised()) return new Agent(Agent.Kind.TEAM, 0.65, from, to);
        }
        if (lex.in("tech-name", lower) || looksTechnical(h.text())) return new Agent(Agent.Kind.SYSTEM, 0.85, from, to);
        if (lex.in("system", lemma)) return new Agent(Agent.Kind.SYSTEM, 0.8, from, to);
        char senses = lex.senses(lower);
        if (senses == 'P' && !h.capitalised() || senses == 'P' && determiner) return new Agent(Agent.Kind.ROLE, 0.75, from, to);
        if (senses == 'G' && determiner) return new Agent(Agent.Kind.TEAM, 0.6, from, to);
        boolean english = lex.isEnglish(lower);
        // "Van der Berg", "bin Laden", "da Silva": a name particle before a capitalised word
        if (h.capitalised() && head > from && t.get(head - 1).is("van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le",
                "al", "el", "bin", "ibn", "ben", "ap", "dos", "das", "do", "ter", "ten", "st", "mac")) {
            return new Agent(Agent.Kind.PERSON, 0.85, from, to);
        }
        if (h.capitalised() && NAME_WORDS.contains(lower)) return new Agent(Agent.Kind.PERSON, 0.85, from, to);
        if (!english && !lex.listed(lemma) && h.word()) {
            if (allCaps(h.text())) return new Agent(Agent.Kind.SYSTEM, 0.6, from, to);
            if (h.capitalised()) return new Agent(Agent.Kind.PERSON, h.tag().equals("PROPN") || head > 0 ? 0.9 : 0.85, from, to);
            boolean clauseStart = from == 0 || t.get(from - 1).text().equals(",") || CLAUSE_WORDS.contains(t.get(from - 1).lower());
            if (!determiner && clauseStart && !lower.contains("-")) {
                return new Agent(Agent.Kind.PERSON, 0.7, from, to);
            }
            return Agent.none(head);
        }
        if (h.capitalised() && h.tag().equals("PROPN") && !determiner && senses == 0 && from == head) {
            // a name that is also a rare English word ("Florin", "Guy")
            return new Agent(Agent.Kind.PERSON, 0.6, from, to);
        }
        return new Agent(Agent.Kind.UNKNOWN, 0, from, to);
    }

    /** CamelCase, digits, dots or slashes: a product, file or resource name, not a person's. */
    static boolean looksTechnical(String text) {
        if (text.length() < 2) return false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == '/' || c == '_' || c == ':') return true;
            if (Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1)) && !text.substring(0, i).endsWith("Mc")) return true;
        }
        return false;
    }

    private static boolean allCaps(String text) {
        return text.length() >= 2 && text.equals(text.toUpperCase(Locale.ROOT)) && text.chars().anyMatch(Character::isLetter);
    }
}
