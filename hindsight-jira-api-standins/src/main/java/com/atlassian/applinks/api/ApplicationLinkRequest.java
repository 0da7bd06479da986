package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;

/** Stand-in (applinks-api). */
public interface ApplicationLinkRequest extends Request<ApplicationLinkRequest, Response> {
}
