package org.opencommerce.customer.social.control;

/** Who the OpenID provider says the customer is. */
public record SocialIdentity(String issuer, String subject, String email, boolean emailVerified, String givenName,
                             String familyName) {
}
