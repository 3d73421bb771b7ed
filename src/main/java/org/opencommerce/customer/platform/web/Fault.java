package org.opencommerce.customer.platform.web;

/** The spec's 401 body: {@code {"fault": {"faultstring": "...", "detail": {"errorcode": "..."}}}}. */
public record Fault(Body fault) {

    public static Fault of(String faultstring, String errorcode) {
        return new Fault(new Body(faultstring, new Detail(errorcode)));
    }

    public record Body(String faultstring, Detail detail) {
    }

    public record Detail(String errorcode) {
    }
}
