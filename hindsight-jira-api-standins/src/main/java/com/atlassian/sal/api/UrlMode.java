package com.atlassian.sal.api;

/** Stand-in (SAL). */
public enum UrlMode { RELATIVE, RELATIVE_CANONICAL, ABSOLUTE, CANONICAL, AUTO }
