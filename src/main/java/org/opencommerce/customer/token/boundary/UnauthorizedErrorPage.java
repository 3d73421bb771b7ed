package org.opencommerce.customer.token.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.opencommerce.customer.token.control.TokenVerifier;

import org.opencommerce.customer.platform.web.ErrorResponses;
import java.io.IOException;

/**
 * The error page for a 401 that the server itself sends (web.xml), so that a token refused by the server's JWT
 * mechanism gets the same fault body as one refused by the application: "Access Token expired" for an expired token of
 * this service, "Invalid access token" for anything else.
 */
@WebServlet("/errors/unauthorized")
public class UnauthorizedErrorPage extends HttpServlet {

    @Inject
    TokenVerifier verifier;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(response, verifier.refusal(request.getHeader(HttpHeaders.AUTHORIZATION)));
    }
}
