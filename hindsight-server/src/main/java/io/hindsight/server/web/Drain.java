package io.hindsight.server.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;

/**
 * Reads and drops what is left of a refused request's body after its answer went out, then completes the
 * exchange; the connection then closes cleanly. Closing a socket with unread data makes the kernel reset
 * the connection, and a client still sending its body would then lose the 413 it was sent (nginx and
 * Apache "linger" for the same reason). Bounded: past {@code most} bytes, or when the body's deadline
 * closes the connection, the exchange fails and the connection is cut as before.
 */
final class Drain extends BodyLoop {
    private final Callback done;
    private long left;

    private Drain(Request request, long most, Callback done) {
        super(request);
        this.left = most;
        this.done = done;
    }

    /** The callback to complete the exchange with: it drains the body first, then completes {@code done}. */
    static Callback then(Request request, long most, Callback done) {
        return Callback.from(() -> new Drain(request, most, done).run(), done::failed);
    }

    @Override
    boolean take(Content.Chunk chunk) {
        left -= chunk.remaining();
        // the last chunk ends the body whatever its size: only a body that goes on past the bound is cut
        if (left < 0 && !chunk.isLast()) {
            done.failed(new IOException("the refused body went on past what is drained"));
            return false;
        }
        return true;
    }

    @Override
    void end() {
        done.succeeded();
    }

    @Override
    void failed(Throwable failure) {
        done.failed(failure);
    }
}
