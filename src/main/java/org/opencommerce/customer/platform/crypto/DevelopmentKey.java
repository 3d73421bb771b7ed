package org.opencommerce.customer.platform.crypto;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A generated development secret kept in the database so that every node of it shares it (docs/decisions.md). */
@Entity
@Table(name = "development_key")
@Cacheable(false)
public class DevelopmentKey {

    public static final String DATA_KEY = "data-key";

    @Id
    private String name;

    @Column(nullable = false, length = 200)
    private String secret;

    protected DevelopmentKey() {
    }

    public DevelopmentKey(String name, String secret) {
        this.name = name;
        this.secret = secret;
    }

    public String getSecret() {
        return secret;
    }
}
