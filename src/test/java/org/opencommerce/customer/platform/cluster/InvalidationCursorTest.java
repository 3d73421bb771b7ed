package org.opencommerce.customer.platform.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidationCursorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    private static InvalidationCursor.Position of(InvalidationCursor cursor, String writer) {
        return cursor.positions().stream().filter(p -> p.writer().equals(writer)).findFirst().orElseThrow();
    }

    @Test
    void aWritersNextNumbers_areNew_once_whateverTheIdSpacing() {
        InvalidationCursor cursor = new InvalidationCursor(100, Map.of("a", 5L), NOW);
        // a Galera cluster of three steps ids by three: 103, 106, ... — no gap is made of the ids between
        assertTrue(cursor.accept(103, "a", 6L, NOW));
        assertTrue(cursor.accept(106, "a", 7L, NOW));
        assertFalse(cursor.accept(106, "a", 7L, NOW));
        assertEquals(new InvalidationCursor.Position("a", 7, List.of()), of(cursor, "a"));
        assertEquals(106, cursor.highestId());
    }

    @Test
    void aRowCommittedAfterALaterOneOfItsWriter_isAGapAskedForUntilItAppears() {
        InvalidationCursor cursor = new InvalidationCursor(100, Map.of("a", 5L), NOW);
        assertTrue(cursor.accept(109, "a", 8L, NOW));
        assertEquals(List.of(6L, 7L), of(cursor, "a").gaps());
        // its id (103) is below the highest seen: only the writer's numbers find it
        assertTrue(cursor.accept(103, "a", 6L, NOW.plusSeconds(1)));
        assertFalse(cursor.accept(103, "a", 6L, NOW.plusSeconds(1)));
        assertEquals(List.of(7L), of(cursor, "a").gaps());
    }

    @Test
    void aLateRowWithASmallerIdThanAnotherWritersRow_isFoundByItsWritersNumber() {
        InvalidationCursor cursor = new InvalidationCursor(100, Map.of("a", 5L, "b", 2L), NOW);
        assertTrue(cursor.accept(104, "b", 3L, NOW));
        // a's next row got id 101 but committed after b's 104: still above a's highest number
        assertEquals(5, of(cursor, "a").highest());
        assertTrue(cursor.accept(101, "a", 6L, NOW));
    }

    @Test
    void aNewWriter_isFollowedFromItsFirstRow() {
        InvalidationCursor cursor = new InvalidationCursor(100, Map.of(), NOW);
        assertTrue(cursor.accept(103, "new", 2L, NOW));
        assertEquals(List.of(1L), of(cursor, "new").gaps(), "its first row may still commit");
        cursor.follow("other", NOW);
        assertEquals(new InvalidationCursor.Position("other", 0, List.of()), of(cursor, "other"));
    }

    @Test
    void rowsWithoutAWriter_areNewWhenAboveTheHighestId() {
        InvalidationCursor cursor = new InvalidationCursor(10, Map.of(), NOW);
        assertTrue(cursor.accept(11, null, null, NOW));
        assertFalse(cursor.accept(11, null, null, NOW));
        assertFalse(cursor.accept(9, null, null, NOW));
    }

    @Test
    void gapsOlderThanTheLongestTransaction_wereRollbacks_andQuietWritersAreForgotten() {
        InvalidationCursor cursor = new InvalidationCursor(0, Map.of("quiet", 3L), NOW);
        cursor.accept(2, "a", 2L, NOW);
        cursor.accept(4, "a", 4L, NOW.plusSeconds(60));
        cursor.expire(NOW.plusSeconds(30), NOW.plusSeconds(30));
        assertEquals(List.of(3L), of(cursor, "a").gaps());
        assertEquals(List.of("a"), cursor.positions().stream().map(InvalidationCursor.Position::writer).toList());
    }

    @Test
    void openGapsOfAWriter_areBounded() {
        InvalidationCursor cursor = new InvalidationCursor(0, Map.of(), NOW);
        cursor.accept(1, "a", 5L * InvalidationCursor.MAX_GAPS, NOW);
        List<Long> gaps = of(cursor, "a").gaps();
        assertEquals(InvalidationCursor.MAX_GAPS, gaps.size());
        assertEquals(4L * InvalidationCursor.MAX_GAPS, gaps.get(0));
    }
}
