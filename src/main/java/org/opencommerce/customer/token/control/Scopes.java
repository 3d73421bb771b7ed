package org.opencommerce.customer.token.control;

/** The scopes an access token carries (space-separated, as in the upstream service). */
public final class Scopes {

    private static final String CUSTOMER = String.join(" ",
            "customer.customer_read_own", "customer.customer_manage_own",
            "customer.customerprofile_view", "customer.customerprofile_edit",
            "customer.consent_view", "customer.consent_manage",
            "customermanagement.legalentity_read_own",
            "order.order_readascustomer", "order.order_updateascustomer", "order.history_view",
            "coupon.coupon_redeem",
            "quote.quote_read_own", "quote.quote_manage_own",
            "returns.returns_read_own", "returns.returns_manage_own",
            "approval.approval_read_own", "approval.approval_manage_own",
            "iam.scope_read_own", "iam.user_read_own", "iam.group_read_own",
            "iam.assignment_create_own", "iam.assignment_delete_own",
            "customersegment.segment_read_own");

    private Scopes() {
    }

    public static String anonymous(String tenant) {
        return "tenant=" + tenant;
    }

    public static String customer(String tenant) {
        return CUSTOMER + " tenant=" + tenant;
    }
}
