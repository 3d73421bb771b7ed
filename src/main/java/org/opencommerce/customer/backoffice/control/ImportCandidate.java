package org.opencommerce.customer.backoffice.control;

/** One element of an import's array: the item, or why it could not be read as one (then item is null). */
public record ImportCandidate(ImportItem item, String unreadable) {
}
