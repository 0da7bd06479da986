package io.hindsight.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hindsight.core.Contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;

/** Atlassian's published ADF JSON schema (draft-04), from the shared contracts. */
public final class AdfSchema {
    private static JsonSchema schema;

    private AdfSchema() {
    }

    public static synchronized Set<ValidationMessage> validate(String json) {
        try {
            if (schema == null) {
                JsonNode node = new ObjectMapper().readTree(Files.readString(Contracts.require("adf-full.schema.json")));
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node);
            }
            return schema.validate(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
