package com.atlassian.sal.api.xsrf;

import javax.servlet.http.HttpServletRequest;

/** Stand-in (SAL). */
public interface XsrfTokenValidator {
    boolean validateFormEncodedToken(HttpServletRequest request);

    String getXsrfParameterName();
}
