package org.opencommerce.customer.platform;

import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.ErrorResponses;
import jakarta.ejb.ApplicationException;
import jakarta.validation.ConstraintViolation;

import java.util.List;
import java.util.Set;

/**
 * A failure the client caused or must know about. {@link ErrorMapper} turns it into the spec's body:
 * {@code ErrorMessage} for 400/403/404/409, the {@code fault} body for 401. Rolls the transaction back, where there is
 * one: {@link RefusalRollback}, not {@code rollback = true}, which also rolls back (and reports, as an FFDC incident)
 * Liberty's local transaction of every method that runs without one.
 */
@ApplicationException
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final List<ErrorMessage.Detail> details;
    private final String errorCode;
    private long retryAfterSeconds;
    private String challenge = "Bearer";

    private ApiException(int status, String type, String message, List<ErrorMessage.Detail> details, String errorCode) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.details = details;
        this.errorCode = errorCode;
    }

    public static ApiException badRequest(String message, ErrorMessage.Detail... details) {
        return new ApiException(400, "bad_request", message, List.of(details), null);
    }

    public static ApiException validation(String message, List<ErrorMessage.Detail> details) {
        return new ApiException(400, "validation_failure", message, details, null);
    }

    /** Bean Validation's verdict on a request: 400 with one detail per violation ({@link ErrorResponses#details}). */
    public static ApiException invalid(Set<? extends ConstraintViolation<?>> violations) {
        return validation("The request is not valid.", ErrorResponses.details(violations));
    }

    /** A status without a more specific problem (what the server or JAX-RS refused), typed by the one table. */
    public static ApiException ofStatus(int status, String message) {
        return new ApiException(status, ErrorResponses.typeOf(status), message, List.of(), null);
    }

    public static ApiException invalidTenant() {
        return badRequest("The tenant information provided with the request is not valid.");
    }

    /** A mailed token (activation, reset, email change, deletion) that is unknown, used, expired or of another kind. */
    public static ApiException invalidEmailToken() {
        return new ApiException(400, "invalid_token", "The token is unknown, expired or already used.", List.of(), null);
    }

    /** 413: the request body is larger than the operation takes; it was not read to its end. */
    public static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "payload_too_large", "The request body is larger than " + maxBytes + " bytes.",
                List.of(), null);
    }

    /** 429: throttled; the client may try again after retryAfterSeconds (Retry-After). */
    public static ApiException tooManyRequests(long retryAfterSeconds) {
        ApiException throttled = new ApiException(429, "too_many_requests",
                "Too many attempts; try again in " + retryAfterSeconds + " seconds.", List.of(), null);
        throttled.retryAfterSeconds = retryAfterSeconds;
        return throttled;
    }

    /** The database cannot be reached: try again after retryAfterSeconds. */
    public static ApiException unavailable(long retryAfterSeconds) {
        ApiException unavailable = new ApiException(503, "service_unavailable",
                "The service is temporarily unavailable; try again shortly.", List.of(), null);
        unavailable.retryAfterSeconds = retryAfterSeconds;
        return unavailable;
    }

    public static ApiException forbidden() {
        return forbidden("User not authorized.");
    }

    /** 403 saying which rule refused the caller. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, List.of(), null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "resource_not_found", message, List.of(), null);
    }

    /** 404 with one detail, as the spec's tenant-managed examples give it. */
    public static ApiException notFound(String message, String detail) {
        return new ApiException(404, "resource_not_found", message,
                List.of(new ErrorMessage.Detail(null, null, detail)), null);
    }

    /** A version check of JPA failed at the write: someone changed the row in between. */
    public static ApiException optimisticLockFailure() {
        return new ApiException(409, "optimistic_lock_failure",
                "The resource was changed by another request; read it again.", List.of(), null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict_resource", message, List.of(), null);
    }

    /** 401 with the spec's fault body for a token that is missing, forged, revoked or otherwise unusable. */
    public static ApiException invalidToken() {
        return new ApiException(401, null, "Invalid access token", List.of(), "oauth.v2.InvalidAccessToken");
    }

    public static ApiException expiredToken() {
        return new ApiException(401, null, "Access Token expired", List.of(), "keymanagement.service.access_token_expired");
    }

    /** 401 for wrong credentials; the same answer whatever was wrong, so that accounts cannot be enumerated. */
    public static ApiException invalidCredentials() {
        return new ApiException(401, null, "Invalid credentials", List.of(), "oauth.v2.InvalidCredentials");
    }

    /** The password was right, but the double opt-in sign-up has not been confirmed yet. */
    public static ApiException notActivated() {
        return new ApiException(401, null, "Account not activated: confirm the link sent by mail", List.of(),
                "customer.account_not_activated");
    }

    /** The password was right, but the back office deactivated the customer or put it on hold. */
    public static ApiException accountSuspended() {
        return new ApiException(401, null, "Account inactive or on hold", List.of(), "customer.account_suspended");
    }

    /** POST /oauth/token without a known client and its secret (HTTP Basic, or client_id and client_secret). */
    public static ApiException invalidClientCredentials() {
        ApiException refused = new ApiException(401, null, "Invalid client credentials", List.of(),
                "oauth.v2.InvalidClientCredentials");
        refused.challenge = "Basic realm=\"customer-service\", charset=\"UTF-8\"";
        return refused;
    }

    public static ApiException unsupportedGrantType() {
        return new ApiException(400, "unsupported_grant_type", "grant_type must be client_credentials.", List.of(), null);
    }

    public static ApiException invalidScope(String scope) {
        return new ApiException(400, "invalid_scope", "The client may not request the scope '" + scope + "'.",
                List.of(), null);
    }

    /** Social login: the provider refused the code (bad, used, PKCE mismatch) or its ID token is not valid. */
    public static ApiException socialLoginRefused(String message) {
        return new ApiException(401, null, message, List.of(), "social.InvalidGrant");
    }

    /** Social login: the tenant's identity provider cannot be reached or answers nonsense. */
    public static ApiException providerUnavailable() {
        return new ApiException(400, "provider_unavailable", "The identity provider cannot be reached; try again later.",
                List.of(), null);
    }

    public static ApiException invalidRefreshToken() {
        return new ApiException(401, null, "Invalid refresh token", List.of(), "oauth.v2.InvalidRefreshToken");
    }

    public static ApiException invalidClient() {
        return new ApiException(401, null, "Invalid client identifier", List.of(), "oauth.v2.InvalidApiKey");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<ErrorMessage.Detail> details() {
        return details;
    }

    /** Seconds after which a throttled request may be tried again; 0 when not throttled. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The WWW-Authenticate challenge of a 401. */
    public String challenge() {
        return challenge;
    }

    public String errorCode() {
        return errorCode;
    }
}
