package org.opencommerce.customer.platform.cluster;

import org.opencommerce.customer.platform.cluster.InvalidationCursor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidationCursorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void rowsAfterTheHighest_areNew_once() {
        InvalidationCursor cursor = new InvalidationCursor(10);
        assertTrue(cursor.accept(11, NOW));
        assertFalse(cursor.accept(11, NOW));
        assertFalse(cursor.accept(9, NOW), "before the start: applied by nobody's cache, not a gap");
        assertEquals(11, cursor.highest());
        assertEquals(List.of(), cursor.gaps());
    }

    @Test
    void aSmallerIdCommittedLater_isAGapAskedForUntilItAppears() {
        InvalidationCursor cursor = new InvalidationCursor(10);
        assertTrue(cursor.accept(13, NOW));
        assertEquals(List.of(11L, 12L), cursor.gaps());
        assertTrue(cursor.accept(12, NOW.plusSeconds(1)), "the late commit is applied");
        assertFalse(cursor.accept(12, NOW.plusSeconds(1)));
        assertEquals(List.of(11L), cursor.gaps());
    }

    @Test
    void gapsOlderThanTheLongestTransaction_wereRollbacks() {
        InvalidationCursor cursor = new InvalidationCursor(0);
        cursor.accept(2, NOW);
        cursor.accept(4, NOW.plusSeconds(60));
        cursor.expire(NOW.plusSeconds(30));
        assertEquals(List.of(3L), cursor.gaps());
    }

    @Test
    void openGaps_areBounded() {
        InvalidationCursor cursor = new InvalidationCursor(0);
        cursor.accept(5 * InvalidationCursor.MAX_GAPS, NOW);
        assertEquals(InvalidationCursor.MAX_GAPS, cursor.gaps().size());
        assertEquals(4L * InvalidationCursor.MAX_GAPS, cursor.gaps().get(0));
    }
}
