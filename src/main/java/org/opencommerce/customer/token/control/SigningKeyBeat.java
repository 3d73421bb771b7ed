package org.opencommerce.customer.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import java.time.Duration;

/** Reloads the signing keys and writes back what they signed every KEY_REFRESH_MILLIS ({@link SigningKeys#refresh}). */
@ApplicationScoped
public class SigningKeyBeat implements PeriodicWork {

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "KEY_REFRESH_MILLIS", defaultValue = "1000")
    long refreshMillis;

    @Override
    public String name() {
        return "signing-keys";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(refreshMillis);
    }

    @Override
    public void run() {
        keys.refresh();
    }
}
