package org.opencommerce.customer.platform.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the database says, kept true by the invalidation log, in a Caffeine cache bounded in size (the least useful
 * entries go when it is full) and in time (an entry is read again after timeToLive, should an invalidation ever be
 * missed). A value read from the database while an invalidation was applied is answered but not kept: it may have
 * been read before the change committed.
 */
public final class InvalidatedCache<K, V> {

    private final Cache<K, V> values;
    /** Counts the invalidations: a load that saw it change may predate one, and is not kept. */
    private volatile long generation;
    /** Keeping a loaded value (shared) and invalidating (exclusive) never overlap. */
    private final ReadWriteLock keeping = new ReentrantReadWriteLock();

    public InvalidatedCache(int capacity, Duration timeToLive) {
        this(capacity, timeToLive, Ticker.systemTicker());
    }

    InvalidatedCache(int capacity, Duration timeToLive, Ticker ticker) {
        values = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(timeToLive)
                .ticker(ticker)
                .executor(Runnable::run) // evictions on the calling thread: no threads the container does not manage
                .build();
    }

    /** The value of key, read with load when not kept (or when the log is not current: then nothing is kept). */
    public V get(K key, boolean current, Function<K, V> load) {
        if (!current) {
            return load.apply(key);
        }
        V kept = values.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long before = generation;
        V loaded = load.apply(key);
        if (loaded != null) {
            keeping.readLock().lock();
            try {
                if (generation == before) {
                    values.put(key, loaded);
                }
            } finally {
                keeping.readLock().unlock();
            }
        }
        return loaded;
    }

    public void invalidate(K key) {
        invalidating(() -> values.invalidate(key));
    }

    public void invalidateIf(Predicate<V> stale) {
        invalidating(() -> values.asMap().values().removeIf(stale));
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
        invalidating(values::invalidateAll);
    }

    public long size() {
        values.cleanUp();
        return values.estimatedSize();
    }

    private void invalidating(Runnable forget) {
        keeping.writeLock().lock();
        try {
            generation++;
            forget.run();
        } finally {
            keeping.writeLock().unlock();
        }
    }
}
