package org.opencommerce.customer.admin.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.token.control.KeyRotation;
import org.opencommerce.customer.token.control.KeySet;
import org.opencommerce.customer.token.control.SigningKeys;
import org.opencommerce.customer.token.entity.SigningKey;

import java.util.List;

/** The operator's view of the token signing keys: list, rotate, retire (audited). */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SigningKeyAdministration {

    @Inject
    SigningKeys keys;

    @Inject
    KeyRotation rotation;

    @Inject
    AuditTrail audit;

    public List<KeySet.Key> list() {
        return keys.all();
    }

    public String stateOf(KeySet.Key key) {
        return keys.stateOf(key);
    }

    public SigningKey rotate(Long signsInSeconds) {
        SigningKey published = rotation.rotate(signsInSeconds);
        audit.record("signing-key.create", null, published.getKid(), List.of("signsFrom"));
        return published;
    }

    public void retire(String kid) {
        rotation.retire(kid);
        audit.record("signing-key.retire", null, kid, List.of());
    }
}
