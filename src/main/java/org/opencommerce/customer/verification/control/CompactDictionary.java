package org.opencommerce.customer.verification.control;

import com.nulabinc.zxcvbn.matchers.Dictionary;

import java.util.List;
import java.util.Map;

/**
 * A zxcvbn dictionary whose ranked words are {@link RankedWords}: zxcvbn's standard lists (94,000 words) would
 * otherwise hold about 14 MiB of the heap the whole server lives in, for a check made only when a password is set.
 * zxcvbn only asks a dictionary for its name and for {@code get} on its ranked words.
 */
final class CompactDictionary extends Dictionary {

    private final RankedWords ranked;

    CompactDictionary(Dictionary source) {
        super(source.getName(), List.of());
        ranked = new RankedWords(source.getFrequencies());
    }

    @Override
    public Map<String, Integer> getRankedDictionary() {
        return ranked;
    }

    @Override
    public List<String> getFrequencies() {
        return ranked.inRankOrder();
    }
}
