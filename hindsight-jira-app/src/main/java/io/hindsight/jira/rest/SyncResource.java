package io.hindsight.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.queue.IssueKeys;
import io.hindsight.jira.queue.SyncQueue;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /rest/hindsight/1.0/sync/{key}}: POST queues a sync of a post-mortem the user may browse (or joins
 * the one queued) and answers 202 at once; the queue's job runs it off the request thread. GET says where
 * its latest sync stands.
 */
@Path("/sync/{key}")
@LicensedOnly
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final SyncQueue queue;
    private final Access access;
    private final I18nResolver i18n;

    public SyncResource(SyncQueue queue, Access access, I18nResolver i18n) {
        this.queue = queue;
        this.access = access;
        this.i18n = i18n;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response queue(@PathParam("key") String key) {
        if (!IssueKeys.isKey(key)) return Responses.badRequest(i18n.getText("hindsight.rest.error.not-a-key", key));
        String k = IssueKeys.require(key);
        if (!access.canBrowse(k)) return Responses.notFound(i18n.getText("hindsight.rest.error.no-issue", k));
        String who = access.currentUser().orElse("anonymous");
        return Response.status(Response.Status.ACCEPTED).entity(Json.Queued.of(queue.enqueue(k, "requested by " + who))).build();
    }

    @GET
    public Response state(@PathParam("key") String key) {
        if (!IssueKeys.isKey(key)) return Responses.badRequest(i18n.getText("hindsight.rest.error.not-a-key", key));
        String k = IssueKeys.require(key);
        if (!access.canBrowse(k)) return Responses.notFound(i18n.getText("hindsight.rest.error.no-issue", k));
        return queue.latest(k).map(j -> Response.ok(Json.JobState.of(j)).build())
                .orElseGet(() -> Responses.notFound(i18n.getText("hindsight.rest.error.never-synced", k)));
    }
}
