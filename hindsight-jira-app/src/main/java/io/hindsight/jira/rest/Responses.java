package io.hindsight.jira.rest;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Error answers with a JSON body that says what to fix. */
final class Responses {
    private Responses() {
    }

    static Response badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message);
    }

    static Response notFound(String message) {
        return error(Response.Status.NOT_FOUND, message);
    }

    static Response unavailable(String message) {
        return error(Response.Status.SERVICE_UNAVAILABLE, message);
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Json.Error(message)).build();
    }
}
