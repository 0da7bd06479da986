package io.hindsight.core.template;

/** A template file that cannot be used; the message names the file, line and field to fix. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public TemplateException(String message) {
        super(message);
    }
}
