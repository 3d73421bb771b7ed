package org.opencommerce.customer.webhooks.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant's webhook endpoint: its URL, the event types it wants, its signing secret (sealed with the data key, so
 * that it can sign) and whether it is enabled.
 */
@Entity
@Table(name = "webhook_subscription")
@Cacheable(false)
@NamedQuery(name = WebhookSubscription.OF_TENANT,
        query = "SELECT s FROM WebhookSubscription s WHERE s.tenant = :tenant ORDER BY s.createdAt, s.id")
@NamedQuery(name = WebhookSubscription.ENABLED_OF_TENANT,
        query = "SELECT s FROM WebhookSubscription s WHERE s.tenant = :tenant AND s.enabled = true")
@NamedQuery(name = WebhookSubscription.BY_ID,
        query = "SELECT s FROM WebhookSubscription s WHERE s.tenant = :tenant AND s.id = :id")
public class WebhookSubscription {

    /** A subscription of the tenant, found through it. */
    public static final String BY_ID = "WebhookSubscription.byId";

    public static final String OF_TENANT = "WebhookSubscription.ofTenant";
    public static final String ENABLED_OF_TENANT = "WebhookSubscription.enabledOfTenant";

    @Id
    private String id;

    @Column(nullable = false)
    private String tenant;

    @Column(nullable = false)
    private String url;

    /** Comma-separated event types. */
    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(name = "sealed_secret", nullable = false)
    private String sealedSecret;

    @Column(nullable = false)
    private boolean enabled;

    /** The endpoint receives the mailed tokens too (so that the merchant can send its own mails): credentials. */
    @Column(name = "include_tokens", nullable = false)
    private boolean includeTokens;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookSubscription() {
    }

    public WebhookSubscription(String id, String tenant, String url, List<String> eventTypes, String sealedSecret,
                               boolean enabled, Instant createdAt) {
        this.id = id;
        this.tenant = tenant;
        this.url = url;
        this.eventTypes = String.join(",", eventTypes);
        this.sealedSecret = sealedSecret;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    public boolean wants(String eventType) {
        return getEventTypes().contains(eventType);
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEventTypes() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = String.join(",", eventTypes);
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public void setSealedSecret(String sealedSecret) {
        this.sealedSecret = sealedSecret;
    }

    public boolean isIncludeTokens() {
        return includeTokens;
    }

    public void setIncludeTokens(boolean includeTokens) {
        this.includeTokens = includeTokens;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
