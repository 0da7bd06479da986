package io.hindsight.core.lint;

import io.hindsight.core.model.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blameless-language rules. Each looks for a way of writing that puts a person where a system
 * condition belongs. They aim for precision first: a checker that cries wolf on "the health check
 * failed to respond" or "Alice paged the on-call" is switched off, and then it finds nothing.
 * A sentence gets at most one finding, the most serious.
 */
final class BlamelessRules {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Set<SectionKind> CAUSE_SECTIONS = Set.of(SectionKind.ROOT_CAUSE, SectionKind.TRIGGER,
            SectionKind.FIVE_WHYS, SectionKind.CONTRIBUTING_FACTORS);

    private static final String ADVERB = "(?:\\s+(?:\\w+ly|just|then|also|again|had|has|have))*";
    private static final String HARM_VERBS = "(?:broke|breaks|caused|took down|takes down|brought down|knocked (?:over|out)|"
            + "messed up|screwed up|botched|corrupted|wiped|crashed|fat-?fingered|misconfigured|blew away|nuked|trashed|"
            + "introduced (?:a|the) (?:bug|regression|outage|error|fault)|(?:is|was) to blame|"
            + "(?:is|was) responsible for (?:the|this) (?:outage|incident|failure|breakage|downtime|data loss)|"
            + "took (?:the |our )?[\\w-]+ (?:down|offline))";
    private static final String NEUTRAL_VERBS = "(?:deleted|dropped|removed|truncated|pushed|deployed|merged|ran|executed|"
            + "changed|modified|shipped|committed|typed|entered|applied|restarted|rebooted|killed|shut down|disabled|"
            + "turned off|updated|rolled out|approved|overwrote|overrode|force-pushed|wiped)";
    private static final Pattern HARM_QUALIFIER = Pattern.compile("\\b(?:accidentally|mistakenly|by mistake|by accident|"
            + "erroneously|wrongly|inadvertently|wrong|bad|broken|buggy|faulty|untested|unreviewed|careless(?:ly)?|"
            + "without (?:testing|review|a review|approval|checking|asking|telling anyone|a backup|backups|permission))\\b", FLAGS);
    private static final Pattern DESTRUCTIVE = Pattern.compile("\\b(?:deleted|dropped|truncated|wiped|overwrote|removed)\\s+"
            + "(?:the\\s+|all\\s+|our\\s+)?(?:production|prod|live|customer|customers'?|users?|orders?|primary|main|billing)\\s+"
            + "(?:[\\w-]+\\s+)?(?:table|database|db|data|index|bucket|cluster|records|rows|backups?)\\b", FLAGS);

    private static final Pattern HUMAN_ERROR = Pattern.compile("\\b(?:human|operator|pilot|personnel|user|people)\\s*[- ]?\\s*"
            + "(?:error|mistake|failure)s?\\b|\\bPEBKAC\\b|\\bPICNIC\\b|\\bID-?10-?T\\b|\\blayer[- ]8\\b", FLAGS);
    private static final Pattern HUMAN_ERROR_EXCUSED = Pattern.compile("\\b(?:not|n't|no|never|rather than|instead of|beyond|"
            + "avoid|avoiding|blaming|stop|label(?:l?ing)?|call(?:ing)?|resilient to|tolerant of|tolerate|guard(?:s|ing)? against|"
            + "protect(?:s|ing)? (?:us )?against|prevent(?:s|ing)?|reduce(?:s)?|mistake-?proof|forgiving of|account for|"
            + "chance of|likelihood of|room for|survive|catch(?:es)?)\\b[^.]{0,40}$", FLAGS);
    private static final Pattern HUMAN_ERROR_AFTER = Pattern.compile("^[\\s\"”’']*(?:is|was|are)\\s+(?:never|not|rarely|only|a symptom|"
            + "a starting point|where)", FLAGS);
    private static final Pattern CAUSAL = Pattern.compile("\\b(?:was|is|due to|caused by|because of|blame|root cause|cause)\\b", FLAGS);

    private static final Pattern JUDGEMENT = Pattern.compile("\\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppily|"
            + "sloppiness|lazy|laziness|incompeten(?:t|ce|tly)|reckless(?:ly|ness)?|stupid(?:ity|ly)?|dumb|idiot(?:ic|s)?|clueless|"
            + "irresponsibl[ey]|irresponsibility|boneheaded|foolish(?:ly)?|rookie mistake|amateurish|inattentive|thoughtless(?:ly)?|"
            + "should (?:have )?know(?:n)? better|(?:nobody|no one) was paying attention|(?:was|were|wasn't|weren't)? ?not paying attention|asleep at the wheel|"
            + "lack of (?:care|diligence|attention))\\b", FLAGS);
    private static final Pattern JUDGEMENT_TECHNICAL = Pattern.compile("\\b(?:lazy[- ](?:load|loading|loaded|init|initiali[sz]ation|"
            + "initiali[sz]ed|evaluation|evaluated|eval|val|fetch|fetching|import|instantiation|deletion|deserialization|property|"
            + "list|sequence|stream|singleton|binding|iterator|mode|expiration|expiry|free|consumer|replication|migration)|"
            + "sloppy[- ]quorums?|dumb[- ](?:pipe|terminal|client|proxy|switch|device)s?|lazy\\s*\\(|lazy\\s+(?:val|var))", FLAGS);
    private static final Pattern NEGATED_BEFORE = Pattern.compile("\\b(?:not|n't|no one was|nobody was|never|neither|nor|without being|"
            + "no)\\s+(?:\\w+\\s+){0,2}$", FLAGS);

    private static final Pattern NEGATED_AFTER = Pattern.compile("^\\s*(?:was|is|will be|has been|are)\\s+(?:never|not)\\b", FLAGS);
    private static final Pattern HINDSIGHT = Pattern.compile("\\bobviously\\b(?!\\s+(?:wrong|invalid|bad|broken|malformed|bogus|incorrect|corrupt|fake|spurious)\\b)|\\b(?:it|this|that|which|the (?:fix|cause|problem|issue|"
            + "mistake|error|risk|answer|solution))\\s+(?:was|is|seemed|should have been|would have been)\\s+(?:(?!not\\b|never\\b|far\\b)\\w+\\s+)?obvious\\b|"
            + "\\bclearly\\s+(?:should|wrong|a mistake|an error|careless|negligent)\\b|\\beasily\\s+(?:avoid(?:ed|able)|prevent(?:ed|able)|caught)\\b|"
            + "\\bsimply\\s+(?:forgot|ignored|didn't|did not|needed to|had to)\\b|\\bjust had to\\b|"
            + "\\b(?:simple|trivial|basic|silly)\\s+(?:mistake|error|oversight|slip)\\b|\\bany (?:competent|reasonable|decent|good) "
            + "(?:engineer|developer|person|operator)\\b|\\beveryone knows\\b|\\bit goes without saying\\b", FLAGS);
    private static final Pattern HINDSIGHT_NEGATED = Pattern.compile("\\b(?:not|n't|no|non-|never|less than|far from)\\s*(?:\\w+\\s+)?$", FLAGS);

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]{1,200}\"|“[^”]{1,200}”|`[^`]*`|https?://\\S+");

    private final People people;
    private final List<Rule> rules;

    private record Hit(String excerpt, String suggestion) {
    }

    private interface Check {
        Optional<Hit> apply(TextUnit unit, String text);
    }

    /**
     * @param trigger cheap words that must appear before the costly person-aware patterns are tried;
     *                most sentences have none of them
     */
    private record Rule(String id, Level level, Level levelInCauseSections, String message,
                        java.util.function.Predicate<String> trigger, Check check) {
    }

    /** True when the lower-cased sentence contains any of the stems: a substring test, far cheaper than a regex. */
    private static java.util.function.Predicate<String> trigger(String... stems) {
        return lower -> {
            for (String stem : stems) if (lower.contains(stem)) return true;
            return false;
        };
    }

    BlamelessRules(People people) {
        this.people = people;
        String individual = people.individual;
        String anyone = people.anyone;
        // "someone on the platform team", "an engineer from the data team": still one person
        String subject = "(" + individual + ")(?:\\s+(?:on|from|in|of)\\s+(?:the|our)\\s+[\\w-]+(?:\\s+team)?)?";
        Supplier<Pattern> harm = lazy(() -> Pattern.compile(subject + ADVERB + "\\s+" + HARM_VERBS + "\\b", FLAGS));
        Supplier<Pattern> neutral = lazy(() -> Pattern.compile(subject + ADVERB + "\\s+" + NEUTRAL_VERBS + "\\b", FLAGS));
        Supplier<Pattern> becauseOf = lazy(() -> Pattern.compile("\\b(?:because of|due to|caused by|blame (?:on|goes to)|fault of|blame)\\s+(" + individual
                + ")(?!\\s*(?:'s|’s)\\s+(?:quick|fast|prompt|good|great|careful|excellent|swift|fix|response))", FLAGS));
        Supplier<Pattern> possessive = lazy(() -> Pattern.compile("(" + individual + ")(?:'s|’s)\\s+(?:\\w+\\s+)?(?:mistake|error|fault|typo|oversight|"
                + "carelessness|negligence|slip|blunder|screw-?up)\\b|(" + individual + ")(?:'s|’s)\\s+(?:bad|faulty|broken|buggy|"
                + "untested|careless)\\s+\\w+", FLAGS));
        Supplier<Pattern> causeIs = lazy(() -> Pattern.compile("\\b(?:root cause|the cause|primary cause|main cause|culprit)\\s+(?:was|is)\\s+(" + individual + ")", FLAGS));
        Supplier<Pattern> counterfactual = lazy(() -> Pattern.compile("(" + anyone + ")" + "(?:\\s+(?:really|clearly|obviously|just|simply|definitely|also))?"
                + "\\s+(?:should(?:\\s+not|n't)?|ought(?:\\s+not)?\\s+to|could)\\s*(?:have|'ve|’ve)\\b(?!\\s+(?:lost|been (?:much |a lot |far )?worse|"
                + "been (?:a|an) |been (?:affected|hit|impacted|exposed|involved|catastrophic)|had|faced|ended up|happened|gone))", FLAGS));
        Supplier<Pattern> passiveCounterfactual = lazy(() -> Pattern.compile("\\b(?:could|should)(?:\\s+easily)?\\s+have\\s+been\\s+(?:easily\\s+)?"
                + "(?:avoided|prevented|caught|detected|stopped|noticed|spotted)\\b|\\bif only\\b|\\bhad\\s+(?:" + anyone + ")\\s+"
                + "(?:just\\s+|only\\s+)?(?:checked|tested|read|looked|followed|waited|asked|reviewed|listened|paid attention)\\b", FLAGS));
        Supplier<Pattern> failedTo = lazy(() -> Pattern.compile(subject + ADVERB + "\\s+(?:forgot|neglected|failed to|didn't bother|did not bother|"
                + "ignored|overlooked|missed|didn't notice|did not notice|didn't check|did not check|didn't follow|did not follow|"
                + "didn't read|did not read|didn't test|did not test|didn't verify|did not verify|never (?:checked|tested|verified|read|bothered)|"
                + "(?:didn't|did not|wasn't|was not) pay(?:ing)? attention)\\b(?!\\s+(?:to\\s+)?(?:reproduce|connect|log ?in|access|reach|find|"
                + "get|load|start|open|authenticate|acquire|obtain|identify|locate)\\b)", FLAGS));
        Supplier<Pattern> weForgot = lazy(() -> Pattern.compile("\\b(?:we|I)" + ADVERB + "\\s+(?:forgot|neglected|didn't bother|did not bother|ignored|overlooked)\\b", FLAGS));
        String name = "(?:" + individual + ")";
        Supplier<Pattern> droppedBall = lazy(() -> Pattern.compile(anyone + ADVERB + "\\s+dropped the ball\\b", FLAGS));
        Supplier<Pattern> punitive = lazy(() -> Pattern.compile("\\b(?:disciplinary|disciplined)\\b|\\bdisciplin(?:e|ing)\\s+" + name + "|\\bdisciplin(?:e|ing)\\s+"
                + "(?:the|those|whoever|anyone|staff|them|him|her)\\b|\\breprimand(?:ed|s|ing)?\\b|\\bwritten warning\\b|\\bwrite\\s+(?:him|her|them|"
                + name + ")\\s+up\\b|\\bperformance improvement plan\\b|\\bput\\s+(?:him|her|them|" + name + ")\\s+on\\s+a\\s+PIP\\b|"
                + "\\bfire\\s+(?:him|her|them|" + name + ")\\b|" + name + "\\s+(?:was|got|will be|should be|must be)\\s+fired\\b|"
                + "\\blet\\s+(?:him|her|them|" + name + ")\\s+go\\b|\\bterminat(?:e|ed|ing)\\s+(?:his|her|their|the)\\s+(?:employment|contract)\\b|"
                + "\\bpunish(?:ed|ing|ment|es)?\\b|\\bheld\\s+(?:personally\\s+)?accountable\\b|\\bhold\\s+(?:him|her|them|" + name
                + ")\\s+(?:personally\\s+)?(?:accountable|responsible)\\b|\\bname and shame\\b|\\bretrain(?:ed|ing|s)?\\s+(?:all\\s+)?(?:him|her|them|"
                + name + "|(?:the|our|all)\\s+(?:staff|team|engineers|developers|operators))\\b|\\brevok(?:e|ed|ing)\\s+(?:his|her|their|"
                + name + "(?:'s|’s))\\s+(?:[\\w-]+\\s+)?(?:access|permissions|privileges|rights)\\b|\\bremove\\s+(?:him|her|them|" + name
                + ")\\s+from\\s+(?:the\\s+)?(?:on-?call|rotation|team|project)\\b|\\bban\\s+(?:him|her|them|" + name + ")\\b", FLAGS));

        rules = List.of(
                new Rule("blameless.punitive", Level.ERROR, Level.ERROR,
                        "punitive action: a blameless post-mortem changes systems, it does not punish people",
                        trigger("disciplin", "reprimand", "warning", "write", "pip", "improvement plan", "fire", "let ", "terminat", "punish", "accountable", "responsible", "shame", "retrain", "revok", "remove", "ban "),
                        (u, t) -> negatable(punitive.get(), t, NEGATED_BEFORE, NEGATED_AFTER).map(ex -> new Hit(ex,
                                "Change the system instead: add a safeguard, a review step or automation, e.g. "
                                        + "'Require a second approval for production schema changes'."))),
                new Rule("blameless.person-as-cause", Level.ERROR, Level.ERROR,
                        "names a person as the cause; describe the action and the conditions that allowed it",
                        // neutral verbs ("deployed", "ran") only blame with a harm qualifier, so that is what to look for
                        trigger("broke", "break", "caus", "down", "knocked", "messed", "screwed", "botched", "corrupt", "wipe", "crash", "finger", "misconfig", "blew", "nuke", "trash", "introduc", "blame", "responsible", "offline", "because of", "due to", "fault", "'s", "’s", "culprit")
                                .or(trigger("accident", "mistak", "erroneous", "wrong", "inadvertent", "bad", "broken", "buggy",
                                        "faulty", "untested", "unreviewed", "careless", "without", "delet", "drop", "truncat", "wipe",
                                        "overw", "remov")),
                        (u, t) -> personAsCause(t, harm.get(), neutral.get(), becauseOf, possessive, causeIs)),
                new Rule("blameless.human-error", Level.WARNING, Level.ERROR,
                        "'human error' is where an investigation starts, not a cause; name the conditions that made the error likely",
                        trigger("error", "mistake", "failure", "pebkac", "picnic", "id10", "id-10", "layer"),
                        (u, t) -> humanError(t).map(ex -> new Hit(ex,
                                "Describe what made the mistake easy and its effect large, e.g. 'The command accepted a production "
                                        + "target without confirmation'."))),
                new Rule("blameless.failed-to", Level.WARNING, Level.WARNING,
                        "'X forgot / failed to' makes a person the subject of the failure; make the missing safeguard the subject",
                        trigger("forgot", "neglect", "failed to", "bother", "ignored", "overlook", "missed", "n't notice", "not notice",
                                "n't check", "not check", "n't follow", "not follow", "n't read", "not read", "n't test", "not test",
                                "n't verif", "not verif", "n't pay", "not pay", "never", "attention"),
                        (u, t) -> first(failedTo.get(), t).or(() -> first(weForgot.get(), t)).map(ex -> new Hit(ex,
                                "Say what did not happen and what would have made it happen, e.g. 'The migration was not "
                                        + "tested against production-sized data; the pipeline has no such stage'."))),
                new Rule("blameless.judgement", Level.WARNING, Level.WARNING,
                        "judgement word: it describes a person's character, not what happened",
                        trigger("careless", "negligen", "slopp", "lazy", "lazi", "incompeten", "reckless", "stupid", "dumb", "idiot", "clueless", "irresponsib", "bonehead", "foolish", "rookie", "amateur", "inattentive", "thoughtless", "know better", "attention", "asleep", "dropped the ball", "lack of"),
                        (u, t) -> judgement(t).or(() -> first(droppedBall.get(), t)).map(ex -> new Hit(ex,
                                "Remove '" + ex + "' and describe the action and what shaped it (time pressure, missing "
                                        + "checks, unclear instructions)."))),
                new Rule("blameless.counterfactual", Level.WARNING, Level.WARNING,
                        "counterfactual ('should have', 'could have'): it judges with knowledge nobody had at the time",
                        trigger("should", "could", "ought", "if only", "had "),
                        (u, t) -> first(counterfactual.get(), t).or(() -> first(passiveCounterfactual.get(), t)).map(ex -> new Hit(ex,
                                "Describe what happened and why it made sense then, e.g. replace 'we should have rolled back' "
                                        + "with 'rollback was not tried first because the runbook did not cover it'."))),
                new Rule("blameless.hindsight", Level.INFO, Level.INFO,
                        "hindsight bias: what is obvious now was not during the incident",
                        trigger("obvious", "clearly", "easily", "simply", "just had", "simple", "trivial", "basic", "silly", "any ", "everyone knows", "goes without"),
                        (u, t) -> negatable(HINDSIGHT, t, HINDSIGHT_NEGATED).map(ex -> new Hit(ex,
                                "Drop '" + ex + "', or say what information was available at the time.")))
        );
    }

    /** Compiles on first use: the person-aware patterns are large, and most post-mortems need only a few of them. */
    private static Supplier<Pattern> lazy(Supplier<Pattern> compile) {
        return new Supplier<>() {
            private Pattern pattern;

            @Override
            public Pattern get() {
                if (pattern == null) pattern = compile.get();
                return pattern;
            }
        };
    }

    /** The findings for one sentence: the first matching rule, in order of seriousness. */
    List<Finding> check(TextUnit unit) {
        String text = unit.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (Rule r : rules) {
            if (!r.trigger.test(lower)) continue;
            // quoted words, code and links are someone else's words or names, not the author's judgement
            String t = r.id.equals("blameless.person-as-cause") || r.id.equals("blameless.punitive")
                    ? text : QUOTED.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
            Optional<Hit> hit = r.check.apply(unit, t);
            if (hit.isPresent()) {
                Level level = CAUSE_SECTIONS.contains(unit.kind()) ? r.levelInCauseSections : r.level;
                return List.of(new Finding(r.id, level, unit.section(), unit.line(), r.message,
                        hit.get().excerpt().strip(), hit.get().suggestion()));
            }
        }
        return List.of();
    }

    private Optional<Hit> personAsCause(String t, Pattern harm, Pattern neutral, Supplier<Pattern> becauseOf,
                                        Supplier<Pattern> possessive, Supplier<Pattern> causeIs) {
        Matcher m = harm.matcher(t);
        if (m.find()) return Optional.of(new Hit(m.group(), rewrite(t, m.start(1), m.end(1), "A change")));
        m = neutral.matcher(t);
        while (m.find()) {
            if (HARM_QUALIFIER.matcher(t).find() || DESTRUCTIVE.matcher(t).find()) {
                return Optional.of(new Hit(m.group(), rewrite(t, m.start(1), m.end(1), "A command")));
            }
        }
        for (Supplier<Pattern> p : List.of(becauseOf, possessive, causeIs)) {
            m = p.get().matcher(t);
            if (m.find()) return Optional.of(new Hit(m.group(), "Name the change or condition instead of the person, e.g. "
                    + "'caused by a configuration change that was not validated'."));
        }
        return Optional.empty();
    }

    private static String rewrite(String sentence, int start, int end, String replacement) {
        String rewritten = sentence.substring(0, start) + replacement + sentence.substring(end);
        rewritten = rewritten.replaceAll("(?i)\\b(?:accidentally|mistakenly|carelessly|inadvertently|by mistake|by accident)\\s*", "");
        rewritten = rewritten.replaceAll("\\s+([.,;!?])", "$1").replaceAll("\\s{2,}", " ");
        if (start > 0) rewritten = rewritten.replaceFirst("(?<=\\s)A (change|command)", "a $1");
        return "'" + rewritten.strip() + "' - then say what made that possible (no guard rail, review or confirmation).";
    }

    private static Optional<String> humanError(String t) {
        Matcher m = HUMAN_ERROR.matcher(t);
        while (m.find()) {
            String before = t.substring(0, m.start());
            String after = t.substring(m.end());
            if (HUMAN_ERROR_EXCUSED.matcher(before).find() || HUMAN_ERROR_AFTER.matcher(after).find()) continue;
            boolean user = m.group().toLowerCase(java.util.Locale.ROOT).startsWith("user");
            if (user && !CAUSAL.matcher(t).find()) continue;
            return Optional.of(m.group());
        }
        return Optional.empty();
    }

    private static Optional<String> judgement(String t) {
        String cleaned = JUDGEMENT_TECHNICAL.matcher(t).replaceAll(m -> " ".repeat(m.group().length()));
        return negatable(JUDGEMENT, cleaned, NEGATED_BEFORE);
    }

    private static Optional<String> negatable(Pattern p, String t, Pattern negation) {
        return negatable(p, t, negation, null);
    }

    /** The first match not negated before it ("no one was careless") or, when given, after it ("was never"). */
    private static Optional<String> negatable(Pattern p, String t, Pattern before, Pattern after) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            if (before.matcher(t.substring(0, m.start())).find()) continue;
            if (after != null && after.matcher(t.substring(m.end())).find()) continue;
            return Optional.of(m.group());
        }
        return Optional.empty();
    }

    private static Optional<String> first(Pattern p, String t) {
        Matcher m = p.matcher(t);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Rule r : rules) ids.add(r.id);
        return ids;
    }
}
