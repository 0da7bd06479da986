package com.atlassian.sal.api.transaction;

/** Stand-in (SAL). */
public interface TransactionCallback<T> {
    T doInTransaction();
}
