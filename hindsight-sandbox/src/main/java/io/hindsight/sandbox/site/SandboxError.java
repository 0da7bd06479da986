package io.hindsight.sandbox.site;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** An error answered the way the real product answers it (Jira's errorMessages/errors). */
public class SandboxError extends RuntimeException {
    final int status;
    final Map<String, String> fieldErrors;

    public SandboxError(int status, String message) {
        this(status, message, Map.of());
    }

    public SandboxError(int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = fieldErrors;
    }

    public int status() {
        return status;
    }

    public ObjectNode jiraBody() {
        ObjectNode body = Exchange.object();
        var messages = body.putArray("errorMessages");
        if (getMessage() != null && !getMessage().isEmpty()) messages.add(getMessage());
        ObjectNode errors = body.putObject("errors");
        fieldErrors.forEach(errors::put);
        return body;
    }

    public ObjectNode confluenceDcBody() {
        ObjectNode body = Exchange.object().put("statusCode", status);
        body.putObject("data").put("authorized", status != 401 && status != 403).put("valid", true).put("successful", false).putArray("errors");
        return body.put("message", getMessage());
    }

    public ObjectNode confluenceCloudBody() {
        ObjectNode body = Exchange.object();
        body.putArray("errors").addObject().put("status", status).put("code", status == 404 ? "NOT_FOUND" : status == 409 ? "CONFLICT" : "INVALID_REQUEST")
                .put("title", getMessage()).put("detail", (String) null);
        return body;
    }
}
