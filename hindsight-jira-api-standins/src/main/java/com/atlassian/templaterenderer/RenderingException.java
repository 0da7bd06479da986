package com.atlassian.templaterenderer;

/** Stand-in (Atlassian Template Renderer). */
public class RenderingException extends RuntimeException {
    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
