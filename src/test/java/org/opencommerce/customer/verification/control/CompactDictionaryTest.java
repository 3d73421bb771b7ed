package org.opencommerce.customer.verification.control;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact word lists answer as zxcvbn's own maps do, so the password policy rates every password the same. */
class CompactDictionaryTest {

    @Test
    void compactZxcvbn_ratesPasswordsExactlyAsZxcvbnItself() {
        Zxcvbn standard = new Zxcvbn();
        Zxcvbn compact = PasswordPolicy.compactZxcvbn();
        for (String password : List.of("password", "Passw0rd!", "drowssap", "p@$$w0rd", "jennifer1987", "smithjones",
                "correct horse battery staple", "qwertyuiop", "zxcvbn", "1q2w3e4r", "iloveyou", "Tr0ub4dor&3",
                "xK9#mQ2$vL", "starwars", "abcabcabc", "Zürich-Straße 12", "日本語のパスワード", "08/11/1990")) {
            Strength expected = standard.measure(password);
            Strength actual = compact.measure(password);
            assertEquals(expected.getScore(), actual.getScore(), password);
            assertEquals(expected.getGuesses(), actual.getGuesses(), password);
        }
    }

    @Test
    void rankedWords_findEveryWordWithItsRankAndNothingElse() {
        Map<String, Integer> words = new RankedWords(List.of("zebra", "apple", "äpfel", "app", "apple", "b"));
        assertEquals(5, words.size());
        assertEquals(5, words.get("apple"), "a repeated word keeps its last rank");
        assertEquals(1, words.get("zebra"));
        assertEquals(3, words.get("äpfel"));
        assertEquals(4, words.get("app"));
        assertEquals(6, words.get("b"));
        assertNull(words.get("appl"));
        assertNull(words.get("apples"));
        assertNull(words.get(""));
        assertNull(words.get(42));
        assertTrue(words.containsKey("b"));
        assertFalse(words.containsKey("c"));
        assertEquals(Map.of("zebra", 1, "äpfel", 3, "app", 4, "apple", 5, "b", 6), Map.copyOf(words));
    }

    @Test
    void compactDictionary_keepsNameAndWordsInRankOrder() {
        CompactDictionary dictionary = new CompactDictionary(
                new com.nulabinc.zxcvbn.matchers.Dictionary("fruit", List.of("pear", "fig", "kiwi")));
        assertEquals("fruit", dictionary.getName());
        assertEquals(List.of("pear", "fig", "kiwi"), dictionary.getFrequencies());
        assertEquals(2, dictionary.getRankedDictionary().get("fig"));
    }
}
