package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.backoffice.entity.CompanyRole;

/** A member of a company (legal entity) and its role there. */
public record CompanyMember(String customerNumber, CompanyRole role) {
}
