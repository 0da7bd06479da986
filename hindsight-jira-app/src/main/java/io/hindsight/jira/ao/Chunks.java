package io.hindsight.jira.ao;

import java.util.ArrayList;
import java.util.List;

/** Oracle refuses IN lists (and so bulk deletes) of more than 1000 items (ORA-01795). */
public final class Chunks {
    public static final int MAX = 1000;

    private Chunks() {
    }

    public static <T> List<List<T>> of(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += MAX) out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + MAX))));
        return out;
    }
}
