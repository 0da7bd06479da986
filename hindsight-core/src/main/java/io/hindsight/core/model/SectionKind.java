package io.hindsight.core.model;

import java.util.Locale;

/** The sections Hindsight understands. Anything else an author writes is a {@link #CUSTOM} section. */
public enum SectionKind {
    SUMMARY("Summary"),
    IMPACT("Impact"),
    DETECTION("Detection"),
    RESPONSE("Response"),
    RECOVERY("Recovery"),
    TRIGGER("Trigger"),
    ROOT_CAUSE("Root cause"),
    FIVE_WHYS("Five whys"),
    CONTRIBUTING_FACTORS("Contributing factors"),
    TIMELINE("Timeline"),
    WHAT_WENT_WELL("What went well"),
    WHAT_WENT_WRONG("What went wrong"),
    WHERE_WE_GOT_LUCKY("Where we got lucky"),
    LESSONS_LEARNED("Lessons learned"),
    ACTION_ITEMS("Action items"),
    CUSTOM("");

    private final String heading;

    SectionKind(String heading) {
        this.heading = heading;
    }

    /** The heading Hindsight writes for this section. */
    public String heading() {
        return heading;
    }

    /** The id used in templates and configuration, e.g. {@code root-cause}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SectionKind fromId(String id) {
        String norm = id.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return SectionKind.valueOf(norm);
    }

    /** Sections whose list items Hindsight reads into structured values. */
    public boolean isStructured() {
        return this == FIVE_WHYS || this == CONTRIBUTING_FACTORS || this == TIMELINE || this == ACTION_ITEMS;
    }
}
