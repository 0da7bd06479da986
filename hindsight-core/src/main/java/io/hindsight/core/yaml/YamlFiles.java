package io.hindsight.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.regex.Pattern;

/**
 * Reads the YAML files admins write (templates, SLO policies) strictly, and turns Jackson's errors
 * into "file:line: what is wrong" messages.
 */
public final class YamlFiles {
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlFiles() {
    }

    /** Thrown with a message that names the file, the line and what to fix. */
    public static final class YamlFileException extends Exception {
        YamlFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @param fields the fields the file may have, named in the message when one is misspelt */
    public static <T> T read(String yaml, String fileName, Class<T> type, String fields) throws YamlFileException {
        try {
            return STRICT.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            if (e instanceof UnrecognizedPropertyException u) {
                // Jackson points past the unknown key; the key's own line is what the admin needs
                line = keyLine(yaml, u.getPropertyName(), line);
                message = "unknown field '" + u.getPropertyName() + "'";
            }
            throw new YamlFileException(fileName + ":" + line + ": " + message + " (fields: " + fields + ")", e);
        }
    }

    static int keyLine(String yaml, String key, int reported) {
        String[] lines = yaml.split("\n", -1);
        Pattern p = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(key) + "\\s*:");
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (p.matcher(lines[i]).find()) return i + 1;
        }
        return reported;
    }
}
