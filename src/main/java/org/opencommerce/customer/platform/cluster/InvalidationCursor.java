package org.opencommerce.customer.platform.cluster;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a node has read the invalidation log. Ids are given out at insert but become visible at commit, so a
 * smaller id may appear after a larger one: the ids skipped over are remembered as gaps and asked for again until
 * they appear or are older than the longest transaction (a rolled-back insert leaves a gap for good).
 */
final class InvalidationCursor {

    /** More open gaps than this (a cluster whose auto-increment steps by more than one, say): the oldest are given up. */
    static final int MAX_GAPS = 1000;

    private long highest;
    private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();

    InvalidationCursor(long highest) {
        this.highest = highest;
    }

    synchronized long highest() {
        return highest;
    }

    synchronized List<Long> gaps() {
        return List.copyOf(gaps.keySet());
    }

    /** True when the row is new to this node (it is to be applied); false when it was seen before. */
    synchronized boolean accept(long id, Instant now) {
        if (id > highest) {
            for (long skipped = Math.max(highest + 1, id - MAX_GAPS); skipped < id; skipped++) {
                gaps.put(skipped, now);
            }
            highest = id;
            trim();
            return true;
        }
        return gaps.remove(id) != null;
    }

    /** Forgets the gaps noticed before cutoff: their transactions rolled back. */
    synchronized void expire(Instant cutoff) {
        gaps.values().removeIf(noticed -> noticed.isBefore(cutoff));
    }

    private void trim() {
        Iterator<Map.Entry<Long, Instant>> oldest = gaps.entrySet().iterator();
        while (gaps.size() > MAX_GAPS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
