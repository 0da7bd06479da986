package io.hindsight.server.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Option values from {@code hindsight.yaml} and {@code HINDSIGHT_*} environment variables. Each long option
 * {@code --jira-url} can be set as {@code HINDSIGHT_JIRA_URL}, as {@code jira-url:} at the top of the file
 * (every command), or under a command's name ({@code serve: {port: 8080}}). What wins: the command line,
 * then the environment, then the command's section, then the top of the file, then the built-in default.
 * <p>
 * The file is checked when it is read: an unknown key, a secret, or a value that is not a scalar is an
 * error naming the file, the line and the key, so a typo never silently falls back to a default.
 * <p>
 * Besides options, the top of the file may hold {@code users:}, the team's map of the handles action items name
 * ({@code @tomas}) to the Jira users they mean ({@code tomas: tkowalski}): a user name on Data Center, an e-mail or
 * account id on Cloud.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    /** The key of the map of owner handles to Jira users. */
    static final String USERS = "users";

    private final Map<String, String> global;
    private final Map<String, Map<String, String>> perCommand;
    private final Map<String, String> users;
    private final Map<String, String> env;

    private ConfigFile(Map<String, String> global, Map<String, Map<String, String>> perCommand, Map<String, String> users, Map<String, String> env) {
        this.global = global;
        this.perCommand = perCommand;
        this.users = Map.copyOf(users);
        this.env = env;
    }

    /** Only the environment: no file. */
    static ConfigFile environmentOnly(Map<String, String> env) {
        return new ConfigFile(Map.of(), Map.of(), Map.of(), env);
    }

    /** The team's map of owner handles to Jira users ({@code users:}); empty when the file has none. */
    Map<String, String> users() {
        return users;
    }

    /** The map of whatever configuration a command line was given (empty without a file). */
    static Map<String, String> users(CommandLine any) {
        CommandLine root = any;
        while (root.getParent() != null) root = root.getParent();
        return root.getDefaultValueProvider() instanceof ConfigFile f ? f.users() : Map.of();
    }

    /**
     * The file {@code HINDSIGHT_CONFIG} names, else {@code hindsight.yaml} in {@code dir} if there is one.
     *
     * @param root the command tree, whose options are the keys the file may use
     */
    static ConfigFile find(CommandSpec root, Map<String, String> env, Path dir) {
        String named = env.get("HINDSIGHT_CONFIG");
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("HINDSIGHT_CONFIG names " + p + ", which is not a file");
            return read(root, p, env);
        }
        Path local = dir.resolve("hindsight.yaml");
        return Files.isRegularFile(local) ? read(root, local, env) : environmentOnly(env);
    }

    static ConfigFile read(CommandSpec root, Path file, Map<String, String> env) {
        Map<String, String> global = new LinkedHashMap<>();
        Map<String, Map<String, String>> perCommand = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        Set<String> anyOption = new TreeSet<>();
        Map<String, Set<String>> optionsOf = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> sub : root.subcommands().entrySet()) {
            Set<String> names = optionNames(sub.getValue().getCommandSpec());
            optionsOf.put(sub.getKey(), names);
            anyOption.addAll(names);
        }
        try (JsonParser p = new YAMLFactory().createParser(Files.readString(file))) {
            JsonToken first = p.nextToken();
            if (first == null) return new ConfigFile(global, perCommand, users, env);
            if (first != JsonToken.START_OBJECT) throw problem(file, p.currentLocation(), "the file must be a map of option names to values");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentLocation().getLineNr();
                JsonToken value = p.nextToken();
                if (key.equals(USERS)) {
                    users(p, file, line, users);
                } else if (value == JsonToken.START_OBJECT) {
                    if (!optionsOf.containsKey(key)) throw problem(file, line, "'" + key + "' is not a command (commands: " + String.join(", ", optionsOf.keySet()) + ")");
                    perCommand.put(key, section(p, file, key, optionsOf.get(key)));
                } else {
                    global.put(checkedKey(file, line, key, anyOption, "any command"), scalar(p, file, key, line));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
        return new ConfigFile(global, perCommand, users, env);
    }

    /** {@code users:}: a map of handles to one Jira user each; anything else is an error on its line. */
    private static void users(JsonParser p, Path file, int line, Map<String, String> users) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw problem(file, line, "'users' maps the handles action items name to Jira users, one per line under it, e.g. 'users:' then '  tomas: tkowalski'");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String handle = p.currentName();
            int at = p.currentLocation().getLineNr();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue() || value == JsonToken.VALUE_NULL || p.getValueAsString().isBlank()) {
                throw problem(file, at, "'users." + handle + "' needs one Jira user (a user name on Data Center, an e-mail or account id on Cloud), "
                        + "not " + (value == JsonToken.START_ARRAY ? "a list" : value == JsonToken.START_OBJECT ? "a map" : "nothing"));
            }
            String h = handle.startsWith("@") ? handle.substring(1) : handle;
            if (h.isBlank() || h.chars().anyMatch(Character::isWhitespace)) {
                throw problem(file, at, "'" + handle + "' is not a handle an action item can name (@name, without spaces)");
            }
            if (users.put(h, p.getValueAsString().strip()) != null) throw problem(file, at, "'users." + h + "' is given twice");
        }
    }

    private static Map<String, String> section(JsonParser p, Path file, String command, Set<String> options) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentLocation().getLineNr();
            p.nextToken();
            values.put(checkedKey(file, line, key, options, "'" + command + "'"), scalar(p, file, command + "." + key, line));
        }
        return values;
    }

    private static String checkedKey(Path file, int line, String key, Set<String> known, String whose) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("token") || k.contains("password") || k.contains("secret")) {
            String var = "HINDSIGHT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            throw problem(file, line, "'" + key + "' looks like a secret, and secrets do not belong in a file others may read or commit: set "
                    + Secrets.howToSet(var) + " instead");
        }
        if (!known.contains(key)) throw problem(file, line, "unknown option '" + key + "' for " + whose + " (options: " + String.join(", ", known) + ")");
        return key;
    }

    private static String scalar(JsonParser p, Path file, String key, int line) throws IOException {
        if (!p.currentToken().isScalarValue()) throw problem(file, line, "'" + key + "' needs a single value, not a list or map");
        return p.getValueAsString();
    }

    private static Set<String> optionNames(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp()) continue;
            names.add(o.longestName().replaceFirst("^--", ""));
        }
        return names;
    }

    private static IllegalArgumentException problem(Path file, JsonLocation at, String message) {
        return problem(file, at.getLineNr(), message);
    }

    private static IllegalArgumentException problem(Path file, int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.hidden() || option.usageHelp() || option.versionHelp()) return null;
        String name = option.longestName().replaceFirst("^--", "");
        String fromEnv = env.get("HINDSIGHT_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        String command = option.command() == null ? null : option.command().name();
        return Optional.ofNullable(perCommand.get(command)).map(m -> m.get(name)).orElse(global.get(name));
    }
}
