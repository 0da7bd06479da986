package io.hindsight.jira.port;

/** One reminder sweep over the remediation tickets (the core's SendReminders); returns a line saying what it did. */
public interface ReminderRunner {
    String sendReminders();
}
