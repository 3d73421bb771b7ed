package org.opencommerce.customer.token.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.opencommerce.customer.token.control.TokenVerifier;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for a 401 that the server itself sends (web.xml), so that a token refused by the server's JWT
 * mechanism gets the same fault body as one refused by the application: "Access Token expired" for an expired token of
 * this service, "Invalid access token" for anything else.
 */
@WebServlet("/errors/unauthorized")
public class UnauthorizedErrorPage extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    TokenVerifier verifier;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiException fault = verifier.refusal(request.getHeader(HttpHeaders.AUTHORIZATION));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(JSON.toJson(Fault.of(fault.getMessage(), fault.errorCode())));
    }
}
