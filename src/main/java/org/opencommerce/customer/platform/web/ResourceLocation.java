package org.opencommerce.customer.platform.web;

/** The spec's {@code ResourceLocation}: the id of a created resource. */
public record ResourceLocation(String id) {
}
