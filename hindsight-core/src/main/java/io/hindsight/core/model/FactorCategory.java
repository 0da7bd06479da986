package io.hindsight.core.model;

import java.util.Locale;
import java.util.Optional;

/** A small taxonomy of contributing factors, so that reports can find recurring causes. */
public enum FactorCategory {
    CHANGE, CONFIGURATION, CAPACITY, DEPENDENCY, MONITORING_GAP, PROCESS, TOOLING, KNOWLEDGE, EXTERNAL, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads "monitoring gap", "Monitoring-Gap", "config", "capacity" and a few common synonyms. */
    public static Optional<FactorCategory> parse(String text) {
        if (text == null) return Optional.empty();
        String norm = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
        return Optional.ofNullable(switch (norm) {
            case "change", "deploy", "deployment", "release", "code change" -> CHANGE;
            case "configuration", "config", "misconfiguration" -> CONFIGURATION;
            case "capacity", "load", "scaling", "resources" -> CAPACITY;
            case "dependency", "dependencies", "third party", "upstream", "downstream" -> DEPENDENCY;
            case "monitoring gap", "monitoring", "observability", "alerting", "alerting gap" -> MONITORING_GAP;
            case "process", "procedure", "communication" -> PROCESS;
            case "tooling", "tools", "automation" -> TOOLING;
            case "knowledge", "documentation", "training", "runbook" -> KNOWLEDGE;
            case "external", "vendor", "provider" -> EXTERNAL;
            case "other" -> OTHER;
            default -> null;
        });
    }
}
