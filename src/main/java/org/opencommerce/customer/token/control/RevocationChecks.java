package org.opencommerce.customer.token.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.InvalidatedCache;
import org.opencommerce.customer.platform.cluster.Invalidations;

import java.time.Duration;
import java.util.Objects;

/**
 * The revocation check of every authenticated request, from memory: whether a token's grant (or its back-office
 * client) is still live, as the database said when first asked, kept true by the invalidation log (at once on the
 * node that revoked, within INVALIDATION_POLL_MILLIS elsewhere). Revoked grants stay so for good. A grant or client
 * the database does not know is not remembered: on a cluster, a grant made through another node may not have arrived
 * here yet, and must be found once it has (a signed token names only grants and clients the service made, so such
 * reads are rare: the purged grants of long-expired tokens).
 */
@ApplicationScoped
public class RevocationChecks {

    @Inject
    Grants grants;

    @Inject
    ApiClients clients;

    @Inject
    Invalidations invalidations;

    /** Re-read once in a while even when no invalidation came (a live login costs one read an hour). */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "TOKEN_CACHE_SIZE", defaultValue = "20000")
    int capacity;

    private InvalidatedCache<String, GrantState> grantStates;
    /** The tenant of each back-office client asked about (clients the database does not know are not kept). */
    private InvalidatedCache<String, String> clientTenants;

    @PostConstruct
    void init() {
        grantStates = new InvalidatedCache<>(capacity, TIME_TO_LIVE);
        clientTenants = new InvalidatedCache<>(capacity, TIME_TO_LIVE);
    }

    /** The grant's state when it is active, else null (revoked, purged, unknown). */
    public GrantState activeGrant(String grantId) {
        GrantState state = grantId == null ? null : grantStates.get(grantId, invalidations.current(), grants::state);
        return state != null && state.active() ? state : null;
    }

    public boolean clientActive(String clientId) {
        if (clientId == null) {
            return false;
        }
        return clients.isOperator(clientId)
                || clientTenants.get(clientId, invalidations.current(), clients::tenantOf) != null;
    }

    void apply(@Observes(notifyObserver = Reception.IF_EXISTS, during = TransactionPhase.AFTER_SUCCESS) Invalidated change) {
        String subject = change.subject();
        switch (change.kind()) {
            case GRANT -> grantStates.invalidate(subject);
            case CUSTOMER -> grantStates.invalidateIf(state -> state.customerId() != null
                    && subject.equals(state.customerId().toString()));
            case API_CLIENT -> clientTenants.invalidate(subject);
            case TENANT -> {
                grantStates.invalidateIf(state -> Objects.equals(state.tenant(), subject));
                clientTenants.invalidateIf(subject::equals);
            }
            case ALL -> {
                grantStates.invalidateAll();
                clientTenants.invalidateAll();
            }
        }
    }
}
