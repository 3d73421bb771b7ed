package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.Flag;
import org.opencommerce.customer.platform.web.ParameterConverters;
import org.opencommerce.customer.platform.web.Range;
import org.opencommerce.customer.platform.web.WholeNumber;
import org.opencommerce.customer.platform.ApiException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterConvertersTest {

    private enum Colour { RED, DARK_GREEN }

    @SuppressWarnings("unused")
    private void operation(@QueryParam("pageSize") @Range(min = 1, max = 500) WholeNumber pageSize,
                           @QueryParam("sendPasswordResetNotifications") Flag send,
                           @QueryParam("colour") Colour colour,
                           @QueryParam("q") String q) {
    }

    @Test
    void wholeNumbers_areRead_andEverythingElseIs400NamingTheParameter() {
        ParamConverter<WholeNumber> pageSize = converter(0, WholeNumber.class);
        assertEquals(60, pageSize.fromString("60").intValue());
        assertEquals(500, pageSize.fromString(" 500 ").intValue());
        for (String malformed : new String[]{"abc", "1.5", "1e3", "", "0x10", "9".repeat(30)}) {
            assertRefused(() -> pageSize.fromString(malformed), "pageSize", "must be a whole number");
        }
        assertRefused(() -> pageSize.fromString("0"), "pageSize", "is 1 to 500");
        assertRefused(() -> pageSize.fromString("501"), "pageSize", "is 1 to 500");
    }

    @Test
    void aNumberBeyondTheIntRange_becomesTheNearestInt() {
        assertEquals(Integer.MAX_VALUE, new WholeNumber(99_999_999_999L).intValue());
        assertEquals(Integer.MIN_VALUE, new WholeNumber(-99_999_999_999L).intValue());
    }

    @Test
    void flags_areTrueOrFalse_inAnyCase() {
        ParamConverter<Flag> send = converter(1, Flag.class);
        assertTrue(send.fromString("TRUE").value());
        assertEquals(false, send.fromString("false").value());
        for (String malformed : new String[]{"maybe", "1", "yes", ""}) {
            assertRefused(() -> send.fromString(malformed), "sendPasswordResetNotifications", "must be true or false");
        }
    }

    @Test
    void enums_takeTheirNamesInAnyCase_andListThemWhenRefused() {
        ParamConverter<Colour> colour = converter(2, Colour.class);
        assertEquals(Colour.DARK_GREEN, colour.fromString("dark_green"));
        assertEquals("red", colour.toString(Colour.RED));
        assertRefused(() -> colour.fromString("blue"), "colour", "is one of red, dark_green");
    }

    @Test
    void otherTypes_areLeftToJaxRs() throws Exception {
        Parameter q = method().getParameters()[3];
        assertNull(new ParameterConverters().getConverter(String.class, String.class, q.getAnnotations()));
    }

    private static <T> ParamConverter<T> converter(int parameter, Class<T> type) {
        try {
            Parameter declared = method().getParameters()[parameter];
            return new ParameterConverters().getConverter(type, type, declared.getAnnotations());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static Method method() throws NoSuchMethodException {
        return ParameterConvertersTest.class.getDeclaredMethod("operation", WholeNumber.class, Flag.class, Colour.class,
                String.class);
    }

    /** A 400 whose ApiException (what ErrorMapper answers) names the parameter in its detail and its message. */
    private static void assertRefused(Runnable conversion, String parameter, String rule) {
        BadRequestException refused = assertThrows(BadRequestException.class, conversion::run);
        assertEquals(400, refused.getResponse().getStatus());
        ApiException api = (ApiException) refused.getCause();
        assertEquals(400, api.status());
        assertEquals("validation_failure", api.type());
        assertEquals(new ErrorMessage.Detail(parameter, "invalid_value", rule), api.details().get(0));
        assertTrue(api.getMessage().contains(parameter), api.getMessage());
        ErrorMessage body = (ErrorMessage) refused.getResponse().getEntity();
        assertEquals(Response.Status.BAD_REQUEST.getStatusCode(), body.status());
    }
}
