package org.opencommerce.customer.platform.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Adds to the served contract (the spec itself, META-INF/openapi.yaml) what the service answers beyond it, so that
 * the document tells clients the truth (docs/decisions.md, "Compatibility"): the PUT aliases of the two PATCH
 * operations, 413 for every operation with a body, 503 for every operation while the database is down, 429 where
 * requests are throttled, 409 for a stale {@code metadata.version}, and the 400/401 of the anonymous login.
 */
public class OpenApiAdditions implements OASFilter {

    private static final String ME = "/customer/{tenant}/me";
    private static final String ADDRESS = "/customer/{tenant}/me/addresses/{addressId}";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        repairSpec(api);
        Map<String, PathItem> paths = api.getPaths().getPathItems();
        for (PathItem item : paths.values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    operation.getResponses().addAPIResponse("413", error("The request body is larger than MAX_BODY_BYTES."));
                }
                operation.getResponses().addAPIResponse("503",
                        error("The database is unavailable; try again after Retry-After seconds."));
            }
        }
        for (String path : new String[]{ME, ADDRESS}) {
            PathItem item = paths.get(path);
            if (item != null && item.getPATCH() != null) {
                item.getPATCH().getResponses().addAPIResponse("409", error("metadata.version is not the current version."));
                item.setPUT(putAlias(item.getPATCH()));
            }
        }
        throttled(paths, "/customerlogin/auth/anonymous/login", PathItem.HttpMethod.GET);
        throttled(paths, "/customer/{tenant}/login", PathItem.HttpMethod.POST);
        throttled(paths, "/customer/{tenant}/signup", PathItem.HttpMethod.POST);
        throttled(paths, "/customer/{tenant}/password/reset", PathItem.HttpMethod.POST);
        throttled(paths, "/customer/{tenant}/password/change", PathItem.HttpMethod.POST);
        throttled(paths, "/customer/{tenant}/me/accounts/internal/email/change", PathItem.HttpMethod.POST);
        add(paths, "/customer/{tenant}/me/accounts/internal/email/change/confirm", PathItem.HttpMethod.POST, "409",
                error("The new email became a login of the tenant since the change was asked for."));
        for (String path : new String[]{"/customerlogin/auth/anonymous/login", "/customerlogin/auth/anonymous/refresh"}) {
            add(paths, path, PathItem.HttpMethod.GET, "400", error("A parameter is missing or the tenant is not valid."));
            add(paths, path, PathItem.HttpMethod.GET, "401", OASFactory.createAPIResponse()
                    .description("The client_id or the refresh token is not valid (fault body)."));
        }
    }

    /**
     * The vendor's document leaves empty what OpenAPI requires in three places (the server reports them at every
     * start): a description of the 409 response, {@code info.version}, and it lists scopes for an HTTP bearer scheme,
     * which only OAuth2 and OpenID Connect schemes may have. Served valid, with the same meaning.
     */
    private static void repairSpec(OpenAPI api) {
        if (api.getInfo() != null && isBlank(api.getInfo().getVersion())) {
            api.getInfo().setVersion("1.0");
        }
        if (api.getComponents() != null && api.getComponents().getResponses() != null) {
            api.getComponents().getResponses().values().stream().filter(r -> isBlank(r.getDescription()))
                    .forEach(r -> r.setDescription("Conflict"));
        }
        Map<String, SecurityScheme> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.of() : api.getComponents().getSecuritySchemes();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    continue;
                }
                for (SecurityRequirement requirement : operation.getSecurity()) {
                    Map.copyOf(requirement.getSchemes()).forEach((name, scopes) ->
                            requirement.addScheme(name, takesScopes(schemes.get(name)) ? scopes : List.of()));
                }
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean takesScopes(SecurityScheme scheme) {
        return scheme == null || scheme.getType() == SecurityScheme.Type.OAUTH2
                || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT;
    }

    private static void throttled(Map<String, PathItem> paths, String path, PathItem.HttpMethod method) {
        add(paths, path, method, "429", error("Throttled; try again after Retry-After seconds."));
    }

    private static void add(Map<String, PathItem> paths, String path, PathItem.HttpMethod method, String status,
                            APIResponse response) {
        PathItem item = paths.get(path);
        Operation operation = item == null ? null : item.getOperations().get(method);
        if (operation != null) {
            operation.getResponses().addAPIResponse(status, response);
        }
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/ErrorMessage"))));
    }

    /** PUT with exactly the PATCH's body, parameters and answers: a compatibility alias for storefront SDKs. */
    private static Operation putAlias(Operation patch) {
        return OASFactory.createOperation()
                .operationId(patch.getOperationId().replaceFirst("^PATCH", "PUT"))
                .summary(patch.getSummary() + " (PUT: compatibility alias of PATCH)")
                .description("Accepted as a compatibility alias: the same semantics as the PATCH of this path.")
                .tags(patch.getTags())
                .parameters(patch.getParameters())
                .requestBody(patch.getRequestBody())
                .responses(patch.getResponses())
                .security(patch.getSecurity());
    }
}
