package org.ofbiz.core.entity;

/** Stand-in (OfBiz entity engine, bundled with Jira). */
public class GenericEntityException extends Exception {
    public GenericEntityException(String message) {
        super(message);
    }
}
