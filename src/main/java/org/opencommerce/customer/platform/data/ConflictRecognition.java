package org.opencommerce.customer.platform.data;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Turns a failure that is a {@link TransactionConflict} somewhere in its cause chain into one, so that Fault
 * Tolerance's {@code @Retry(retryOn = TransactionConflict.class)} (which looks at the thrown exception's type only)
 * retries it. Runs inside the Fault Tolerance interceptor (a later priority than its 4010).
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class ConflictRecognition {

    @AroundInvoke
    public Object recognise(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (TransactionConflict conflict) {
            throw conflict;
        } catch (Exception e) {
            if (TransactionConflict.isConflict(e)) {
                throw new TransactionConflict(e);
            }
            throw e;
        }
    }
}
