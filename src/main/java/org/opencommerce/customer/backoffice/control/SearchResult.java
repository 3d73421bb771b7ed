package org.opencommerce.customer.backoffice.control;

import java.util.List;

/** One page of customers and how many match the query in all. */
public record SearchResult(List<SellerView> customers, long total) {
}
