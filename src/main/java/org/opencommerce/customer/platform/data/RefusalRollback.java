package org.opencommerce.customer.platform.data;

import org.opencommerce.customer.platform.ApiException;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Rolls back the transaction of a refused request: the default interceptor of every EJB (WEB-INF/ejb-jar.xml). When
 * an {@link ApiException} leaves a business method that runs in a transaction, the transaction is marked for
 * rollback, as {@code @ApplicationException(rollback = true)} would do. Unlike that flag, it leaves alone a method
 * without a transaction (NOT_SUPPORTED, or SUPPORTS called outside one): for those, Liberty rolled back its local
 * transaction containment instead, and wrote an FFDC report ({@code RolledbackException}) and WLTC0017E for every
 * 409, 401 or 400 they answered.
 */
public class RefusalRollback {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object rollBackRefusals(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (ApiException refusal) {
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                transactions.setRollbackOnly();
            }
            throw refusal;
        }
    }
}
