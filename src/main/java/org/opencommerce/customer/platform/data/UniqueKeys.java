package org.opencommerce.customer.platform.data;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a unique-key violation: two requests that passed an existence check at the same time. */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    public static boolean isViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException sql && "23000".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
