package io.hindsight.server.web;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A deadline for a request's headers: a connection that has begun a request and not finished its headers
 * within the limit is closed. Jetty's idle timeout alone restarts with every byte, so a client sending one
 * header byte every few seconds would keep a connection for ever (slowloris); Jetty has no header timeout
 * of its own, so this looks at each connection's parser on a short tick. It holds no thread per
 * connection, and reads only Jetty's HTTP/1.1 connection (the only protocol the service speaks).
 */
final class HeaderDeadline implements Runnable {
    private final ServerConnector connector;
    private final long limitNanos;
    /** Each connection seen half-way through a request's headers: which request (by count) and since when. */
    private final Map<EndPoint, long[]> begun = new HashMap<>();

    HeaderDeadline(ServerConnector connector, Duration limit) {
        this.connector = connector;
        this.limitNanos = limit.toNanos();
    }

    /** How often to look: often enough that a connection outlives its deadline by a quarter of it at most. */
    static Duration tick(Duration limit) {
        return Duration.ofMillis(Math.max(50, Math.min(1000, limit.toMillis() / 4)));
    }

    @Override
    public synchronized void run() {
        long now = System.nanoTime();
        Map<EndPoint, long[]> seen = new HashMap<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (!(endPoint.getConnection() instanceof HttpConnection http)) continue;
            HttpParser parser = http.getParser();
            if (!parser.inHeaderState() || parser.isStart()) continue; // between requests (the idle timeout's business), or past the headers
            long request = http.getMessagesIn();
            long[] since = begun.get(endPoint);
            if (since == null || since[0] != request) since = new long[]{request, now};
            if (now - since[1] > limitNanos) {
                endPoint.close();
            } else {
                seen.put(endPoint, since);
            }
        }
        begun.clear();
        begun.putAll(seen);
    }
}
