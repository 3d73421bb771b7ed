package org.opencommerce.customer.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Makes a key retirement count on this node as soon as its transaction has committed, before the next reload. */
@ApplicationScoped
public class KeyRetirements {

    @Inject
    SigningKeys keys;

    void retired(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRetired retirement) {
        keys.retiredHere(retirement.kid(), retirement.at());
    }
}
