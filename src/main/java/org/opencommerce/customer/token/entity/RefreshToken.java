package org.opencommerce.customer.token.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A refresh token, stored only as the SHA-256 of its value. Single use: redeeming it marks it used. */
@Entity
@Table(name = "refresh_token")
@Cacheable(false)
@NamedNativeQuery(name = RefreshToken.PURGE, query = "DELETE FROM refresh_token WHERE keep_until < ?1 LIMIT ?2")
@NamedQuery(name = RefreshToken.MARK_USED,
        query = "UPDATE RefreshToken r SET r.usedAt = :now WHERE r.tokenHash = :hash AND r.usedAt IS NULL")
@NamedQuery(name = RefreshToken.WITH_GRANT,
        query = "SELECT r, g FROM RefreshToken r, Grant g WHERE r.tokenHash = :hash AND g.id = r.grantId")
public class RefreshToken {

    public static final String WITH_GRANT = "RefreshToken.withGrant";
    public static final String MARK_USED = "RefreshToken.markUsed";
    public static final String PURGE = "RefreshToken.purge";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "grant_id", nullable = false, length = 32)
    private String grantId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "keep_until", nullable = false)
    private Instant keepUntil;

    protected RefreshToken() {
    }

    /** keepUntil: when both this token and the access token issued with it have expired (the purge's bound). */
    public RefreshToken(String tokenHash, String grantId, Instant createdAt, Instant expiresAt, Instant keepUntil) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.keepUntil = keepUntil;
    }

    public String getGrantId() {
        return grantId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
