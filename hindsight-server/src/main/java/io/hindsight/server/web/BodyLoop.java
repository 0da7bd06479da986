package io.hindsight.server.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Jetty's non-blocking read of a request's body, chunk by chunk, for the two readers that need it
 * ({@link BodyReader} keeps the body, {@link Drain} drops it): read what is there, ask to be called again when
 * there is none, and hand each chunk, the end or a failure to the subclass.
 */
abstract class BodyLoop implements Runnable {
    private final Request request;

    BodyLoop(Request request) {
        this.request = request;
    }

    /** A chunk of the body; false stops reading here (what follows stays unread). The chunk is released after. */
    abstract boolean take(Content.Chunk chunk);

    /** The last chunk was taken. */
    abstract void end();

    abstract void failed(Throwable failure);

    @Override
    public final void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed(chunk.getFailure());
                return;
            }
            boolean more;
            boolean last = chunk.isLast();
            try {
                more = take(chunk);
            } finally {
                chunk.release();
            }
            if (!more) return;
            if (last) {
                end();
                return;
            }
        }
    }
}
