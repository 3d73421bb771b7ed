package org.opencommerce.customer.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bounded map of what the database says, kept true by the invalidation log. A value read from the database while an
 * invalidation was applied is answered but not kept: it may have been read before the change committed.
 */
public final class InvalidatedCache<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final int capacity;

    public InvalidatedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value of key, read with load when not kept (or when the log is not current: then nothing is kept). */
    public V get(K key, boolean current, Function<K, V> load) {
        if (!current) {
            return load.apply(key);
        }
        V kept = values.get(key);
        if (kept != null) {
            return kept;
        }
        long before = invalidations.get();
        V loaded = load.apply(key);
        if (loaded != null && invalidations.get() == before) {
            if (values.size() >= capacity) {
                values.clear();
            }
            values.put(key, loaded);
        }
        return loaded;
    }

    public void invalidate(K key) {
        invalidations.incrementAndGet();
        values.remove(key);
    }

    public void invalidateIf(Predicate<V> stale) {
        invalidations.incrementAndGet();
        values.values().removeIf(stale);
    }

    /** For a cache keyed by the subject of one kind of invalidation (a tenant's name, say): forgets what it concerns. */
    @SuppressWarnings("unchecked")
    public void apply(Invalidated change, Invalidated.Kind keyedBy) {
        if (change.kind() == keyedBy) {
            invalidate((K) change.subject());
        } else if (change.kind() == Invalidated.Kind.ALL) {
            invalidateAll();
        }
    }

    public void invalidateAll() {
        invalidations.incrementAndGet();
        values.clear();
    }

    public int size() {
        return values.size();
    }
}
