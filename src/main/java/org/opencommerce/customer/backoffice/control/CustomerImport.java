package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.verification.control.ForeignHashes;
import org.opencommerce.customer.verification.control.LegacyPasswords;
import org.opencommerce.customer.tenant.control.Tenants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bulk import (at most MAX_ITEMS per call): each item is created in a transaction of its own
 * ({@link ImportedCustomers#create}), so one item's
 * failure (invalid, or a conflict with an existing login or customer number) never undoes another's creation. Items
 * carry a password hash the service verifies natively ({@link ForeignHashes}) or a legacy record
 * ({@link LegacyPasswords}), the latter only within the tenant's open migration window. Nothing is hashed here: the
 * first login verifies the imported hash and replaces it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerImport {

    public static final int MAX_ITEMS = 200;
    static final String EXACTLY_ONE = "Exactly one of 'passwordHash' or 'legacyAuth' must be provided in the account";

    @Inject
    Tenants tenants;

    @Inject
    Validator validator;

    @Inject
    PasswordMigrations migrations;

    @Inject
    ImportedCustomers importedCustomers;

    public List<ImportResult> importAll(String tenant, List<ImportCandidate> candidates) {
        tenants.require(tenant);
        if (candidates.size() > MAX_ITEMS) {
            throw ApiException.badRequest("An import takes at most " + MAX_ITEMS + " customers.");
        }
        boolean legacyAllowed = migrations.isOpen(tenant);
        List<ImportResult> results = new ArrayList<>();
        for (int index = 0; index < candidates.size(); index++) {
            ImportCandidate candidate = candidates.get(index);
            try {
                ImportItem item = checked(candidate, legacyAllowed);
                results.add(ImportResult.created(index, importedCustomers.create(new CheckedImport(tenant, item))));
            } catch (ApiException refused) {
                results.add(ImportResult.failed(index, refused.status(), refused.getMessage(), refused.details()));
            }
        }
        return results;
    }

    private ImportItem checked(ImportCandidate candidate, boolean legacyAllowed) {
        if (candidate.item() == null) {
            throw ApiException.badRequest(candidate.unreadable());
        }
        ImportItem item = candidate.item();
        Set<ConstraintViolation<ImportItem>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw ApiException.validation("The customer is not valid.", violations.stream()
                    .map(v -> new ErrorMessage.Detail(v.getPropertyPath().toString(), "invalid_value", v.getMessage()))
                    .sorted(Comparator.comparing(ErrorMessage.Detail::field)).toList());
        }
        ImportItem.Account account = item.account;
        if ((account.passwordHash == null) == (account.legacyAuth == null)) {
            throw ApiException.badRequest(EXACTLY_ONE);
        }
        if (item.contactEmail != null && !item.contactEmail.trim().toLowerCase(Locale.ROOT)
                .equals(account.email.trim().toLowerCase(Locale.ROOT))) {
            throw invalid("contactEmail", "must match account.email");
        }
        if (account.passwordHash != null) {
            String problem = ForeignHashes.problemWith(account.passwordHash);
            if (problem != null) {
                throw invalid("account.passwordHash", problem);
            }
        } else {
            if (!legacyAllowed) {
                throw invalid("account.legacyAuth", "needs an active password migration retention configuration");
            }
            String problem = LegacyPasswords.problemWith(account.legacyAuth.algorithm, account.legacyAuth.hash,
                    account.legacyAuth.context);
            if (problem != null) {
                throw invalid("account.legacyAuth", problem);
            }
        }
        return item;
    }

    private static ApiException invalid(String field, String problem) {
        return ApiException.validation(problem, List.of(new ErrorMessage.Detail(field, "invalid_value", problem)));
    }
}
