package org.opencommerce.customer.token.control;

import org.junit.jupiter.api.Test;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.token.entity.SigningKey;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    /** One RSA pair for every row (a key's identity here is its kid); counts how often a half is decoded. */
    private static final KeyPairs.Pair PAIR = new KeyPairs().generated();

    private static final class CountingKeyPairs extends KeyPairs {
        int decoded;

        @Override
        public RSAPublicKey publicKey(String base64) {
            decoded++;
            return super.publicKey(base64);
        }

        @Override
        public PrivateKey privateKey(String base64) {
            decoded++;
            return super.privateKey(base64);
        }
    }

    /** Stored private halves that are not sealed are read as they are, so a SecretBox without a key opens them. */
    private final SecretBox box = new SecretBox();
    private final CountingKeyPairs pairs = new CountingKeyPairs();

    private static SigningKey row(String kid, Instant createdAt, Instant signsFrom) {
        return new SigningKey(kid, PAIR.publicKeyBase64(), PAIR.privateKeyBase64(), createdAt, signsFrom);
    }

    private KeySet of(SigningKey... rows) {
        return KeySet.EMPTY.with(List.of(rows), pairs, box, GRACE);
    }

    private static KeySet.Key key(KeySet keys, String kid) {
        return keys.all().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void signingAt_isTheNewestKeyWhoseTimeHasCome() {
        KeySet keys = of(row("a", T0, T0), row("b", at(5), at(60)));
        assertEquals("a", keys.signingAt(at(59)).kid());
        assertEquals("b", keys.signingAt(at(60)).kid());
    }

    @Test
    void signingAt_notASupersededKey_fromTheMomentItIsSuperseded() {
        SigningKey a = row("a", T0, T0);
        SigningKey b = row("b", at(1), T0.minusSeconds(60));
        a.supersedeAt(at(30));
        KeySet keys = of(a, b);
        // a signs from later than b, so it wins until it is superseded
        assertEquals("a", keys.signingAt(at(29)).kid());
        assertEquals("b", keys.signingAt(at(30)).kid());
    }

    @Test
    void signingAt_withoutAKeyThatSigns_fails() {
        assertThrows(IllegalStateException.class, () -> of(row("a", T0, at(60))).signingAt(at(59)));
        assertThrows(IllegalStateException.class, () -> KeySet.EMPTY.signingAt(T0));
    }

    @Test
    void signingAt_ofKeysThatStartTogether_isTheGreatestKid_onEveryNode() {
        assertEquals("b", of(row("a", T0, T0), row("b", T0, T0)).signingAt(at(1)).kid());
        assertEquals("b", of(row("b", T0, T0), row("a", T0, T0)).signingAt(at(1)).kid());
    }

    @Test
    void verifyingAt_aSupersededKey_verifiesForTheGraceOnly_whenNoTokenOfItIsKnownToLive() {
        SigningKey a = row("a", T0, T0);
        a.supersedeAt(at(30));
        KeySet keys = of(a, row("b", at(29), at(30)));
        assertTrue(keys.verifyingAt("a", at(40)).isPresent());
        assertTrue(keys.verifyingAt("a", at(40).plusMillis(1)).isEmpty());
    }

    @Test
    void key_superseded_isRetiredOnlyAfterBothTheGraceAndItsLastTokensExpiry() {
        KeySet.Key key = new KeySet.Key("a", null, null, T0, T0, at(30), at(90), null);
        assertFalse(key.retired(at(50), GRACE));
        assertFalse(key.retired(at(90), GRACE));
        assertTrue(key.retired(at(90).plusMillis(1), GRACE));
        KeySet.Key expiredEarly = new KeySet.Key("a", null, null, T0, T0, at(30), at(35), null);
        assertFalse(expiredEarly.retired(at(40), GRACE));
        assertTrue(expiredEarly.retired(at(40).plusMillis(1), GRACE));
    }

    @Test
    void key_notSuperseded_isNeverRetiredByTime() {
        KeySet.Key key = new KeySet.Key("a", null, null, T0, T0, null, at(5), null);
        assertFalse(key.retired(at(100_000), GRACE));
    }

    @Test
    void key_retiredByTheOperator_isRetiredFromThatMomentOn() {
        KeySet.Key key = new KeySet.Key("a", null, null, T0, T0, null, null, at(10));
        assertFalse(key.retired(at(10).minusMillis(1), GRACE));
        assertTrue(key.retired(at(10), GRACE));
    }

    @Test
    void verifyingAt_anUnknownKid_isEmpty() {
        assertEquals(Optional.empty(), of(row("a", T0, T0)).verifyingAt("z", at(1)));
    }

    @Test
    void verifyingAt_withoutKid_isTheFirstKeyCreated() {
        KeySet keys = of(row("b", at(5), at(5)), row("a", at(1), at(10)), row("c", at(3), T0));
        assertEquals("a", keys.verifyingAt(null, at(20)).orElseThrow().kid());
        assertTrue(KeySet.EMPTY.verifyingAt(null, at(20)).isEmpty());
    }

    @Test
    void retiring_aKey_stopsItVerifyingAndSigning() {
        KeySet keys = of(row("a", T0, T0), row("b", at(1), at(60)));
        KeySet retired = keys.retiring("b", at(61));
        assertEquals("b", retired.signingAt(at(60)).kid());
        assertEquals("a", retired.signingAt(at(61)).kid());
        assertTrue(retired.verifyingAt("b", at(61)).isEmpty());
        // the set it came from is unchanged
        assertTrue(keys.verifyingAt("b", at(61)).isPresent());
    }

    @Test
    void publishedAt_listsTheKeysNotRetired_futureOnesIncluded_inSigningOrder() {
        SigningKey old = row("old", T0, T0);
        old.retire(at(1));
        KeySet keys = of(row("next", at(2), at(60)), old, row("now", at(1), at(1)));
        assertEquals(List.of("now", "next"), keys.publishedAt(at(5)).stream().map(KeySet.Key::kid).toList());
        assertEquals(List.of("old", "now", "next"), keys.all().stream().map(KeySet.Key::kid).toList());
    }

    @Test
    void stateAt_isPublishedSigningVerifyingOrRetired() {
        SigningKey a = row("a", T0, T0);
        a.supersedeAt(at(60));
        SigningKey gone = row("gone", T0, T0);
        gone.retire(at(1));
        KeySet keys = of(a, row("b", at(1), at(60)), gone);
        KeySet.Key keyA = key(keys, "a");
        KeySet.Key keyB = key(keys, "b");
        assertEquals("signing", keys.stateAt(keyA, at(10)));
        assertEquals("published", keys.stateAt(keyB, at(10)));
        assertEquals("verifying", keys.stateAt(keyA, at(60)));
        assertEquals("signing", keys.stateAt(keyB, at(60)));
        assertEquals("retired", keys.stateAt(keyA, at(71)));
        assertEquals("retired", keys.stateAt(key(keys, "gone"), at(10)));
    }

    @Test
    void with_decodesOnlyTheKeysItDoesNotKnowYet() {
        KeySet first = of(row("a", T0, T0));
        assertEquals(2, pairs.decoded);
        KeyPairs.Pair other = new KeyPairs().generated();
        KeySet second = first.with(List.of(row("a", T0, T0),
                new SigningKey("b", other.publicKeyBase64(), other.privateKeyBase64(), at(1), at(60))), pairs, box, GRACE);
        assertEquals(4, pairs.decoded);
        assertSame(first.verifyingAt("a", at(1)).orElseThrow().publicKey(), second.verifyingAt("a", at(1)).orElseThrow().publicKey());
        assertEquals(second.verifyingAt("b", at(1)).orElseThrow().publicKey(), pairs.publicKey(other.publicKeyBase64()));
    }

    @Test
    void with_aRowThatIsGone_isGone_andTheStoredTimesAreTakenAgain() {
        KeySet first = of(row("a", T0, T0), row("b", at(1), at(60)));
        SigningKey a = row("a", T0, T0);
        a.retire(at(5));
        KeySet second = first.with(List.of(a), pairs, box, GRACE);
        assertTrue(second.verifyingAt("b", at(1)).isEmpty());
        assertTrue(second.verifyingAt("a", at(5)).isEmpty());
        assertTrue(second.verifyingAt("a", at(4)).isPresent());
    }
}
