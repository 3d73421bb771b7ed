package org.opencommerce.customer.token.control;

import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.token.entity.SigningKey;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys as one node knows them at one moment (immutable; replaced on each reload). Which key signs and
 * which verify is decided from the stored times against the clock, so every node decides alike.
 */
public final class KeySet {

    static final KeySet EMPTY = new KeySet(Map.of(), Duration.ZERO);

    /**
     * One key. A superseded key verifies until its last token has expired, and for {@code grace} after its successor
     * started at least (the time the nodes need to write back what they signed last).
     */
    public record Key(String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant createdAt, Instant signsFrom,
                      Instant supersededAt, Instant lastExpiry, Instant retiredAt) {

        boolean retired(Instant now, Duration grace) {
            if (retiredAt != null && !retiredAt.isAfter(now)) {
                return true;
            }
            return supersededAt != null && now.isAfter(supersededAt.plus(grace))
                    && (lastExpiry == null || now.isAfter(lastExpiry));
        }

        boolean signsAt(Instant now) {
            return !signsFrom.isAfter(now) && (supersededAt == null || supersededAt.isAfter(now));
        }
    }

    private final Map<String, Key> byKid;
    private final Duration grace;

    private KeySet(Map<String, Key> byKid, Duration grace) {
        this.byKid = byKid;
        this.grace = grace;
    }

    /** The set of these rows; keys already known are not decoded (nor their private halves opened) again. */
    KeySet with(List<SigningKey> rows, KeyPairs pairs, SecretBox box, Duration retirementGrace) {
        Map<String, Key> next = new LinkedHashMap<>();
        for (SigningKey row : rows) {
            Key known = byKid.get(row.getKid());
            RSAPublicKey publicKey = known != null ? known.publicKey() : pairs.publicKey(row.getPublicKey());
            PrivateKey privateKey = known != null ? known.privateKey() : pairs.privateKey(box.open(row.getPrivateKey()));
            next.put(row.getKid(), new Key(row.getKid(), publicKey, privateKey, row.getCreatedAt(), row.getSignsFrom(),
                    row.getSupersededAt(), row.getLastExpiry(), row.getRetiredAt()));
        }
        return new KeySet(Map.copyOf(next), retirementGrace);
    }

    /** The key that signs at now: of those whose time has come and that are not superseded, the newest. */
    Key signingAt(Instant now) {
        return byKid.values().stream()
                .filter(k -> k.signsAt(now) && !k.retired(now, grace))
                .max(Comparator.comparing(Key::signsFrom).thenComparing(Key::kid))
                .orElseThrow(() -> new IllegalStateException("No token signing key signs now"));
    }

    /**
     * The key of kid while it verifies. A token without kid was signed before keys had ids: by the first key, taken
     * over from the key files of that version.
     */
    Optional<Key> verifyingAt(String kid, Instant now) {
        Key key = kid == null ? first() : byKid.get(kid);
        return key == null || key.retired(now, grace) ? Optional.empty() : Optional.of(key);
    }

    private Key first() {
        return byKid.values().stream().min(Comparator.comparing(Key::createdAt).thenComparing(Key::kid)).orElse(null);
    }

    /** Every key that is not retired, those that will only sign later included: what the JWKS publishes. */
    List<Key> publishedAt(Instant now) {
        return byKid.values().stream().filter(k -> !k.retired(now, grace))
                .sorted(Comparator.comparing(Key::signsFrom).thenComparing(Key::kid)).toList();
    }

    /** This set with one more key (just published on this node). */
    KeySet adding(SigningKey row, KeyPairs pairs, SecretBox box) {
        Map<String, Key> next = new LinkedHashMap<>(byKid);
        next.put(row.getKid(), new Key(row.getKid(), pairs.publicKey(row.getPublicKey()),
                pairs.privateKey(box.open(row.getPrivateKey())), row.getCreatedAt(), row.getSignsFrom(),
                row.getSupersededAt(), row.getLastExpiry(), row.getRetiredAt()));
        return new KeySet(Map.copyOf(next), grace);
    }

    /** This set with the key retired from when on. */
    KeySet retiring(String kid, Instant when) {
        Map<String, Key> next = new LinkedHashMap<>(byKid);
        next.computeIfPresent(kid, (id, k) -> new Key(k.kid(), k.publicKey(), k.privateKey(), k.createdAt(), k.signsFrom(),
                k.supersededAt(), k.lastExpiry(), when));
        return new KeySet(Map.copyOf(next), grace);
    }

    /** What the operator sees of a key at now: published (not signing yet), signing, verifying or retired. */
    String stateAt(Key key, Instant now) {
        if (key.retired(now, grace)) {
            return "retired";
        }
        if (key.signsFrom().isAfter(now)) {
            return "published";
        }
        return key.kid().equals(signingAt(now).kid()) ? "signing" : "verifying";
    }

    List<Key> all() {
        return byKid.values().stream().sorted(Comparator.comparing(Key::signsFrom).thenComparing(Key::kid)).toList();
    }
}
