package org.opencommerce.customer.verification.control;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A read-only map from word to rank (1 for the first word of the list) kept as one array of UTF-8 bytes in sorted
 * order, found by binary search: about 16 bytes per word where a HashMap of Strings and Integers takes about 150. A
 * word listed twice keeps its last rank, as zxcvbn's own map does.
 */
final class RankedWords extends AbstractMap<String, Integer> {

    private final byte[] bytes;
    private final int[] starts;
    private final int[] ranks;

    RankedWords(List<String> words) {
        byte[][] encoded = words.stream().map(word -> word.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int[] sorted = IntStream.range(0, encoded.length).boxed()
                .sorted(Comparator.<Integer, byte[]>comparing(i -> encoded[i], Arrays::compareUnsigned)
                        .thenComparing(Comparator.reverseOrder()))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] order = new int[sorted.length];
        int kept = 0;
        for (int index : sorted) {
            if (kept == 0 || !Arrays.equals(encoded[order[kept - 1]], encoded[index])) {
                order[kept++] = index;
            }
        }
        order = Arrays.copyOf(order, kept);
        starts = new int[order.length + 1];
        ranks = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            starts[i + 1] = starts[i] + encoded[order[i]].length;
            ranks[i] = order[i] + 1;
        }
        bytes = new byte[starts[order.length]];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(encoded[order[i]], 0, bytes, starts[i], encoded[order[i]].length);
        }
    }

    @Override
    public Integer get(Object key) {
        if (!(key instanceof String word)) {
            return null;
        }
        byte[] wanted = word.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = ranks.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = Arrays.compareUnsigned(bytes, starts[middle], starts[middle + 1], wanted, 0, wanted.length);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return ranks[middle];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return ranks.length;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ranks.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Integer> entry = new SimpleImmutableEntry<>(wordAt(next), ranks[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return ranks.length;
            }
        };
    }

    /** The words in rank order (the list they came from, without the earlier copies of a repeated word). */
    List<String> inRankOrder() {
        return IntStream.range(0, ranks.length).boxed()
                .sorted(Comparator.comparingInt(i -> ranks[i]))
                .map(this::wordAt)
                .toList();
    }

    private String wordAt(int index) {
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.UTF_8);
    }
}
