package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.web.BodyLimit;
import org.opencommerce.customer.platform.web.RequestBodies;
import org.opencommerce.customer.platform.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodiesTest {

    private static RequestBodies reader() {
        RequestBodies bodies = new RequestBodies();
        bodies.maxBodyBytes = 10;
        bodies.maxJsonDepth = 32;
        return bodies;
    }

    @SuppressWarnings("unused")
    private static void importOperation(@BodyLimit(bytes = 1000) String body) {
    }

    @Test
    void theLimit_isMaxBodyBytes_unlessTheOperationSetsItsOwn() throws Exception {
        Annotation own = RequestBodiesTest.class.getDeclaredMethod("importOperation", String.class)
                .getParameterAnnotations()[0][0];
        assertEquals(10, reader().limitOf(new Annotation[0]));
        assertEquals(10, reader().limitOf(null));
        assertEquals(1000, reader().limitOf(new Annotation[]{own}));
    }

    @Test
    void aBodyOverTheLimit_is413_andIsNotReadToItsEnd() throws Exception {
        CountingStream endless = new CountingStream();
        ApiException refused = assertThrows(ApiException.class, () -> RequestBodies.readBounded(endless, null, 10));
        assertEquals(413, refused.status());
        assertEquals(11, endless.read, "reads one byte past the limit, no more");
        assertThrows(ApiException.class, () -> RequestBodies.readBounded(new CountingStream(), "5000", 10));
        assertEquals(3, RequestBodies.readBounded(new ByteArrayInputStream("abc".getBytes()), "3", 10).length);
    }

    /** An endless stream that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        int read;

        @Override
        public int read() {
            read++;
            return 'x';
        }
    }
}
