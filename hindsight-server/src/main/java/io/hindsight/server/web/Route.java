package io.hindsight.server.web;

/**
 * What answers the calls under a path: the JSON API, the web page. It runs on the service's request
 * threads once the body has arrived whole, so it may block on the job store or Jira, never on the caller.
 */
public interface Route {
    Reply handle(Call call);
}
