package org.opencommerce.customer.token.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.token.entity.SigningKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token signing keys of the database, as this node uses them: reloaded every KEY_REFRESH_MILLIS (so that a new
 * or retired key is known on every node within that time), with the latest expiry each key has signed written back
 * on the same beat (so that a superseded key retires once its last token has expired). The first node to start on an
 * empty database takes over the key pair at JWT_PRIVATE_KEY_LOCATION / JWT_PUBLIC_KEY_LOCATION, or makes one.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "SecretBox"})
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    @Inject
    KeyPairs keyPairs;

    @Inject
    SigningKeyRecords records;

    @Inject
    @ConfigProperty(name = "KEY_REFRESH_MILLIS", defaultValue = "1000")
    long refreshMillis;

    @Inject
    @ConfigProperty(name = "KEY_EXPIRY_STEP_SECONDS", defaultValue = "60")
    long expiryStepSeconds;

    private volatile KeySet keys = KeySet.EMPTY;
    /** Expiries signed and not written back yet, per key (rounded up to KEY_EXPIRY_STEP_SECONDS). */
    private final Map<String, Instant> signedExpiries = new ConcurrentHashMap<>();
    /** The latest expiry written back per key by this node: signing within it needs no write. */
    private final Map<String, Instant> writtenExpiries = new ConcurrentHashMap<>();
    /** Retirements committed on this node, applied over reloads that read the database before the commit. */
    private final Map<String, Instant> retiredHere = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        reload(TransactionConflict.retried(records::firstKeyIfNone));
    }

    /** The key that signs now. */
    public KeySet.Key signing() {
        return keys.signingAt(clock.instant());
    }

    /** The public key of a kid that still verifies; empty for an unknown, retired or expired key. */
    public Optional<KeySet.Key> verifying(String kid) {
        return keys.verifyingAt(kid, clock.instant());
    }

    /** Every key that verifies or will sign (published ahead), for the JWKS. */
    public List<KeySet.Key> published() {
        return keys.publishedAt(clock.instant());
    }

    /** The published keys as a JSON Web Key Set (RFC 7517). */
    public String jwks() {
        List<JsonWebKey> published = new ArrayList<>();
        for (KeySet.Key key : published()) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse(Use.SIGNATURE);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            published.add(jwk);
        }
        return new JsonWebKeySet(published).toJson();
    }

    /** Every key, retired ones not yet deleted included, for the operator. */
    public List<KeySet.Key> all() {
        return keys.all();
    }

    /** published, signing, verifying or retired, at now. */
    public String stateOf(KeySet.Key key) {
        return keys.stateAt(key, clock.instant());
    }

    /** Publishes a key this node made here at once (a rolled-back one disappears again with the next reload). */
    public void publishedHere(SigningKey row) {
        keys = keys.adding(row, keyPairs, box);
    }

    /** Makes a retirement this node committed count here at once, before the next reload reads it. */
    public void retiredHere(String kid, Instant when) {
        retiredHere.put(kid, when);
        keys = keys.retiring(kid, when);
    }

    /** Notes that the key signed a token valid until expiry, for its retirement (written back on the next beat). */
    public void signed(String kid, Instant expiry) {
        Instant written = writtenExpiries.get(kid);
        if (written == null || expiry.isAfter(written)) {
            signedExpiries.merge(kid, roundedUp(expiry), SigningKeys::later);
        }
    }

    /**
     * The beat ({@link SigningKeyBeat}). It never fails: while the database is down, the node keeps the keys it knows
     * and notes what it signs until the database is back.
     */
    public void refresh() {
        Map<String, Instant> signed = new HashMap<>(signedExpiries);
        try {
            reload(records.writeBackAndRead(signed));
            signed.forEach((kid, expiry) -> {
                signedExpiries.remove(kid, expiry);
                writtenExpiries.merge(kid, expiry, SigningKeys::later);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot reload the signing keys now; trying again in " + refreshMillis + " ms: " + e);
        }
    }

    /**
     * The expiry written back: rounded up to the next KEY_EXPIRY_STEP_SECONDS, so that a node writes a key's row at most once a
     * step while it signs (on a Galera cluster, every node writing the same row every beat would make their beats
     * conflict), and the stored expiry is never earlier than a token's.
     */
    private Instant roundedUp(Instant expiry) {
        long step = Math.max(1, expiryStepSeconds);
        return Instant.ofEpochSecond(Math.floorDiv(expiry.getEpochSecond() + step - 1, step) * step);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void reload(List<SigningKey> rows) {
        KeySet loaded = keys.with(rows, keyPairs, box, Duration.ofMillis(2 * refreshMillis));
        for (SigningKey row : rows) {
            Instant retired = retiredHere.get(row.getKid());
            if (retired != null && row.getRetiredAt() == null) {
                loaded = loaded.retiring(row.getKid(), retired);
            } else if (retired != null) {
                retiredHere.remove(row.getKid());
            }
        }
        keys = loaded;
    }
}
