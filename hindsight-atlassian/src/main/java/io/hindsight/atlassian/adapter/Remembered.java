package io.hindsight.atlassian.adapter;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept for a while: for a CLI run that is the whole run; a service asks again after {@code keep}, so a
 * project or user created meanwhile is seen without a restart.
 */
final class Remembered<K, V> {
    private record Entry<V>(V value, long at) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long keepNanos;

    Remembered(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    V get(K key, Function<K, V> ask) {
        Optional<V> known = getIfPresent(key);
        if (known.isPresent()) return known.get();
        V value = ask.apply(key);
        put(key, value);
        return value;
    }

    Optional<V> getIfPresent(K key) {
        Entry<V> e = entries.get(key);
        if (e == null || System.nanoTime() - e.at() > keepNanos) return Optional.empty();
        return Optional.of(e.value());
    }

    void put(K key, V value) {
        entries.put(key, new Entry<>(value, System.nanoTime()));
    }
}
