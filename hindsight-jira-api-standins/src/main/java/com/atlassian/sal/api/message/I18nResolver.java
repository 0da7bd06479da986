package com.atlassian.sal.api.message;

import java.io.Serializable;

/** Stand-in (SAL). */
public interface I18nResolver {
    String getText(String key);

    String getText(String key, Serializable... arguments);
}
