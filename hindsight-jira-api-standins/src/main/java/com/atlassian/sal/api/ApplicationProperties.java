package com.atlassian.sal.api;

/** Stand-in (SAL). */
public interface ApplicationProperties {
    String getBaseUrl(UrlMode urlMode);
}
