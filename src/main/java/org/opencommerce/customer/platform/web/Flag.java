package org.opencommerce.customer.platform.web;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A boolean query parameter: {@code true} or {@code false}, in any case. {@link ParameterConverters} answers the
 * spec's 400 naming the parameter for anything else, where a {@code boolean} parameter would read "maybe" as false.
 */
@Schema(type = SchemaType.BOOLEAN)
public record Flag(boolean value) {
}
