package io.hindsight.core.markdown;

import io.hindsight.core.model.SectionKind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The headings real post-mortems use for each section (Google SRE book, Atlassian handbook, PagerDuty). */
public final class HeadingSynonyms {
    private static final Map<String, SectionKind> BY_NAME = new HashMap<>();

    static {
        add(SectionKind.SUMMARY, "summary", "incident summary", "executive summary", "overview", "tl dr", "tldr", "description", "what happened");
        add(SectionKind.IMPACT, "impact", "customer impact", "user impact", "business impact", "impact assessment");
        add(SectionKind.DETECTION, "detection", "how was it detected", "how we found out", "discovery");
        add(SectionKind.RESPONSE, "response", "incident response", "escalation");
        add(SectionKind.RECOVERY, "recovery", "resolution", "remediation and recovery", "mitigation", "how it was fixed");
        add(SectionKind.TRIGGER, "trigger", "triggers", "fault", "proximate cause", "what triggered it");
        add(SectionKind.ROOT_CAUSE, "root cause", "root causes", "root cause analysis", "rca", "cause", "causes", "underlying cause");
        add(SectionKind.FIVE_WHYS, "five whys", "5 whys", "the five whys", "whys", "5 why", "five why analysis");
        add(SectionKind.CONTRIBUTING_FACTORS, "contributing factors", "contributing factor", "contributors", "factors", "contributing causes");
        add(SectionKind.TIMELINE, "timeline", "incident timeline", "chronology", "sequence of events", "timeline of events");
        add(SectionKind.WHAT_WENT_WELL, "what went well", "went well", "things that went well", "what worked");
        add(SectionKind.WHAT_WENT_WRONG, "what went wrong", "went wrong", "things that went wrong", "what did not go well", "what didn t go well", "what could have gone better", "what could be improved");
        add(SectionKind.WHERE_WE_GOT_LUCKY, "where we got lucky", "where we were lucky", "got lucky", "lucky", "what was lucky");
        add(SectionKind.LESSONS_LEARNED, "lessons learned", "lessons learnt", "lessons", "learnings", "key takeaways", "takeaways");
        add(SectionKind.ACTION_ITEMS, "action items", "actions", "action plan", "corrective actions", "corrective and preventative actions",
                "corrective and preventive actions", "follow ups", "follow up", "followups", "follow up actions", "remediation",
                "remediation items", "remediation actions", "next steps", "todo", "to do", "tasks");
    }

    private HeadingSynonyms() {
    }

    private static void add(SectionKind kind, String... names) {
        for (String n : names) BY_NAME.put(n, kind);
    }

    /** The section a heading names, ignoring case, punctuation, numbering and emoji. */
    public static Optional<SectionKind> kindOf(String heading) {
        return Optional.ofNullable(BY_NAME.get(normalise(heading)));
    }

    static String normalise(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("^\\s*(\\d+[.)]|[ivx]+\\.)\\s+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
