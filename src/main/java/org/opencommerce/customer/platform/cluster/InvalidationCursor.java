package org.opencommerce.customer.platform.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a node has read the invalidation log. Every writer (a node run) numbers its rows 1, 2, 3, … and the reader
 * follows each writer's sequence: a row is new when its number is above the highest seen of its writer, or is one of
 * the numbers skipped over (gaps: a row committed after a later one of the same writer, or rolled back). Gaps are
 * asked for again until they appear or are older than the longest transaction. Ids only find rows of writers not
 * known yet (and rows written before writers were recorded): they are not dense on a Galera cluster, and a smaller id
 * may commit after a larger one, so they never decide alone what was missed.
 */
final class InvalidationCursor {

    /** More open gaps of one writer than this (a writer whose rows this node did not follow): the oldest are given up. */
    static final int MAX_GAPS = 1000;

    /** What to ask the log for besides ids above {@link #highestId()}: per writer, numbers above highest and gaps. */
    record Position(String writer, long highest, List<Long> gaps) {
    }

    private long highestId;
    private final Map<String, Writer> writers = new HashMap<>();

    /** Starts at the log's highest id and each writer's highest number: what came before is not this node's concern. */
    InvalidationCursor(long highestId, Map<String, Long> writersHighest, Instant now) {
        this.highestId = highestId;
        writersHighest.forEach((writer, highest) -> writers.put(writer, new Writer(highest, now)));
    }

    synchronized long highestId() {
        return highestId;
    }

    synchronized List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        writers.forEach((name, writer) -> positions.add(new Position(name, writer.highest, List.copyOf(writer.gaps.keySet()))));
        return positions;
    }

    /** A writer seen elsewhere (the recent writers of the log) that this node does not follow yet: from its start. */
    synchronized void follow(String writer, Instant now) {
        writers.computeIfAbsent(writer, name -> new Writer(0, now));
    }

    /** True when the row is new to this node (it is to be applied); false when it was seen before. */
    synchronized boolean accept(long id, String writerName, Long seq, Instant now) {
        boolean aboveHighestId = id > highestId;
        highestId = Math.max(highestId, id);
        if (writerName == null || seq == null) {
            return aboveHighestId;
        }
        Writer writer = writers.computeIfAbsent(writerName, name -> new Writer(0, now));
        writer.lastSeen = now;
        if (seq > writer.highest) {
            for (long skipped = Math.max(writer.highest + 1, seq - MAX_GAPS); skipped < seq; skipped++) {
                writer.gaps.put(skipped, now);
            }
            writer.highest = seq;
            writer.trim();
            return true;
        }
        return writer.gaps.remove(seq) != null;
    }

    /**
     * Forgets the gaps noticed before gapCutoff (their transactions rolled back) and the writers with neither a gap nor
     * a row since writerCutoff (a node run that stopped). Should a forgotten writer write again, its rows are found by
     * id and it is followed anew, its numbers up to then asked for as gaps once more until they expire.
     */
    synchronized void expire(Instant gapCutoff, Instant writerCutoff) {
        Iterator<Writer> all = writers.values().iterator();
        while (all.hasNext()) {
            Writer writer = all.next();
            writer.gaps.values().removeIf(noticed -> noticed.isBefore(gapCutoff));
            if (writer.gaps.isEmpty() && writer.lastSeen.isBefore(writerCutoff)) {
                all.remove();
            }
        }
    }

    private static final class Writer {
        private long highest;
        private Instant lastSeen;
        private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();

        private Writer(long highest, Instant now) {
            this.highest = highest;
            this.lastSeen = now;
        }

        private void trim() {
            Iterator<Map.Entry<Long, Instant>> oldest = gaps.entrySet().iterator();
            while (gaps.size() > MAX_GAPS && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }
}
