package com.askkira.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The results of the last {@code capacity} keys asked for, the least recently used forgotten
 * first. Safe to share between threads; a result is worked out outside the lock, so two threads
 * asking for the same new key may both work it out (the results are the same).
 */
public final class RecentResults<K, V> {
    private final Map<K, V> recent;

    public RecentResults(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The result remembered for {@code key}, or {@code work}'s, remembered from now on. */
    public V get(K key, Function<K, V> work) {
        return known(key).orElseGet(() -> {
            V result = work.apply(key);
            put(key, result);
            return result;
        });
    }

    /** The result remembered for {@code key}, if there is one. */
    public Optional<V> known(K key) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(key));
        }
    }

    public void put(K key, V result) {
        synchronized (recent) {
            recent.put(key, result);
        }
    }
}
