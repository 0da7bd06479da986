package io.hindsight.jira.web.view;

/** A cause shared by several post-mortems. */
public final class RecurringView {
    private final String name;
    private final int count;

    RecurringView(String name, int count) {
        this.name = name;
        this.count = count;
    }

    public String getName() {
        return name;
    }

    public int getCount() {
        return count;
    }
}
