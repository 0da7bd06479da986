package io.hindsight.server.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a request's body up to a limit without blocking. Past the limit it stops and leaves the rest unread,
 * without failing the request's content as Jetty's own {@code Content.Source.asByteArrayAsync(source, max)} does:
 * a failed source cannot be drained, so the connection would be cut while a client still sends its body, and the
 * client would lose the 413 it was sent ({@link Drain} reads the rest after the answer).
 */
final class BodyReader extends BodyLoop {
    /** The body went past the limit; what is left of it is still unread. */
    static final class TooLarge extends Exception {
        TooLarge(int max) {
            super("the body is larger than " + max + " bytes", null, false, false);
        }
    }

    private final int max;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Request request, int max) {
        super(request);
        this.max = max;
    }

    /** The whole body; fails with {@link TooLarge} past {@code max} bytes, or with the read's own failure. */
    static CompletableFuture<byte[]> read(Request request, int max) {
        BodyReader reader = new BodyReader(request, max);
        reader.run();
        return reader.result;
    }

    @Override
    boolean take(Content.Chunk chunk) {
        ByteBuffer bytes = chunk.getByteBuffer();
        if (body.size() + bytes.remaining() > max) {
            result.completeExceptionally(new TooLarge(max));
            return false;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        return true;
    }

    @Override
    void end() {
        result.complete(body.toByteArray());
    }

    @Override
    void failed(Throwable failure) {
        result.completeExceptionally(failure);
    }
}
