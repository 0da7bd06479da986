package io.hindsight.core.render;

/** A page could not be rendered; the message says which template and where. */
public class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
