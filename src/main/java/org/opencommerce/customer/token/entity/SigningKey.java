package org.opencommerce.customer.token.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A token signing key pair: the public key (X.509, base64) and the private key (PKCS#8, sealed). It signs from
 * {@code signsFrom} until its successor starts ({@code supersededAt}); it verifies until the last token it signed has
 * expired ({@code lastExpiry}) or an operator retires it ({@code retiredAt}).
 */
@Entity
@Table(name = "signing_key")
@Cacheable(false)
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.signsFrom, k.kid")
@NamedQuery(name = SigningKey.EXTEND_EXPIRY, query = "UPDATE SigningKey k SET k.lastExpiry = :expiry "
        + "WHERE k.kid = :kid AND (k.lastExpiry IS NULL OR k.lastExpiry < :expiry)")
public class SigningKey {

    public static final String ALL = "SigningKey.all";
    public static final String EXTEND_EXPIRY = "SigningKey.extendExpiry";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "public_key", nullable = false, length = 1000)
    private String publicKey;

    @Column(name = "private_key", nullable = false, length = 4000)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false)
    private Instant signsFrom;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "last_expiry")
    private Instant lastExpiry;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String publicKey, String sealedPrivateKey, Instant createdAt, Instant signsFrom) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.privateKey = sealedPrivateKey;
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
    }

    public void supersedeAt(Instant when) {
        this.supersededAt = when;
    }

    public void retire(Instant when) {
        this.retiredAt = when;
    }

    public String getKid() {
        return kid;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSignsFrom() {
        return signsFrom;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public Instant getLastExpiry() {
        return lastExpiry;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
