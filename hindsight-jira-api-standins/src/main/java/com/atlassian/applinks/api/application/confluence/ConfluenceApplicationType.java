package com.atlassian.applinks.api.application.confluence;

import com.atlassian.applinks.api.ApplicationType;

/** Stand-in (applinks-api). */
public interface ConfluenceApplicationType extends ApplicationType {
}
