package org.opencommerce.customer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tenant isolation by construction (docs/decisions.md): the rows that belong to a tenant are found through their
 * tenant, never by a key alone. The entities' primary keys are internal, and only the one repository of the aggregate
 * may look a row up by it (the own customer of a verified token, by the id its grant holds). ArchUnit cannot see which
 * class a call to {@code EntityManager.find} names, so this reads the sources.
 */
class TenantIsolationRulesTest {

    private static final Pattern KEY_LOOKUP =
            Pattern.compile("\\.(find|getReference)\\(\\s*(Customer|Address|LegalEntity|CustomerNumberCounter"
                    + "|WebhookSubscription|WebhookDelivery|ApiClient|StorefrontClient)\\.class");

    /**
     * The classes that may: the customer repository (the own customer of a verified token, by the internal id its
     * grant holds); client credentials, whose client id names the client at the token endpoint before any tenant is
     * known (docs/decisions.md, "Tenant isolation"); the webhook sender, by the ids of its own claims; the bootstrap,
     * by the operator's configured client id.
     */
    private static final List<String> REPOSITORIES = List.of("profile/control/Customers.java", "token/control/ApiClients.java",
            "webhooks/control/WebhookStore.java", "tenant/control/TenantBootstrap.java");

    @Test
    void tenantOwnedRowsAreLookedUpByKeyOnlyInTheirRepository() throws IOException {
        Path root = Path.of("src/main/java/org/opencommerce/customer");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> REPOSITORIES.stream().noneMatch(r -> f.endsWith(r)))
                    .filter(f -> {
                        try {
                            return KEY_LOOKUP.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(f -> root.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of(), offenders, "look these rows up through their tenant (a named query with :tenant or "
                + "the owning customer), or through profile.control.Customers");
    }
}
