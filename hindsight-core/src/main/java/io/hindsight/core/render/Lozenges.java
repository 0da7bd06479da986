package io.hindsight.core.render;

/** Lozenges for timeline markers, shared by every format; {@code $lozenges} in templates. */
public final class Lozenges {
    public PageView.Lozenge kind(String kind) {
        return new PageView.Lozenge(kind.toUpperCase(java.util.Locale.ROOT), switch (kind) {
            case "start" -> "Red";
            case "detection" -> "Yellow";
            case "escalation" -> "Purple";
            case "mitigation" -> "Blue";
            case "resolution" -> "Green";
            default -> "Grey";
        });
    }
}
