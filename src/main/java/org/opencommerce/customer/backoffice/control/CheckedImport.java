package org.opencommerce.customer.backoffice.control;

/**
 * One import item that {@link CustomerImport} validated (its imported hash or legacy record included). Nothing outside
 * this package can make one.
 */
public final class CheckedImport {

    private final String tenant;
    private final ImportItem item;

    CheckedImport(String tenant, ImportItem item) {
        this.tenant = tenant;
        this.item = item;
    }

    public String tenant() {
        return tenant;
    }

    public ImportItem item() {
        return item;
    }

    @Override
    public String toString() {
        return "CheckedImport[tenant=" + tenant + "]";
    }
}
