package org.opencommerce.customer.token.control;

/** Names of the service's own claims in an access token. */
public final class TokenClaims {
    public static final String TENANT = "tenant";
    public static final String SESSION = "sid";
    public static final String GRANT = "gid";
    public static final String SCOPE = "scope";
    public static final String EMAIL = "email";
    public static final String LEGAL_ENTITY = "legalEntityId";
    /** Only in client tokens (client credentials): the client that obtained it. */
    public static final String CLIENT = "client_id";

    private TokenClaims() {
    }
}
