package org.opencommerce.customer.social.control;

/**
 * Who the OpenID provider says the customer is, after {@link SocialLogins} verified the provider's ID token: the only
 * way to log in through {@link SocialAccounts#signIn}. Nothing outside this package can make one.
 */
public final class SocialIdentity {

    private final String issuer;
    private final String subject;
    private final String email;
    private final boolean emailVerified;
    private final String givenName;
    private final String familyName;

    SocialIdentity(String issuer, String subject, String email, boolean emailVerified, String givenName,
                   String familyName) {
        this.issuer = issuer;
        this.subject = subject;
        this.email = email;
        this.emailVerified = emailVerified;
        this.givenName = givenName;
        this.familyName = familyName;
    }

    public String issuer() {
        return issuer;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    @Override
    public String toString() {
        return "SocialIdentity[issuer=" + issuer + "]";
    }
}
