package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The error page (web.xml) for errors the server answers itself before the application sees the request: a path it
 * refuses to decode (an encoded slash, a bad escape), a request line that is too long. They get the spec's
 * {@code ErrorMessage} instead of the server's HTML. A path that is not even valid percent-encoding is the client's
 * fault, so the server's 500 for it is answered as 400.
 */
@WebServlet("/errors/status")
public class ServerErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_BAD_REQUEST;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && uri instanceof String path && !decodes(path)) {
            status = HttpServletResponse.SC_BAD_REQUEST;
        }
        ErrorResponses.write(response, ApiException.ofStatus(status, status >= 500 ? "An unexpected error occurred."
                : "The request cannot be served: " + reasonOf(status) + "."));
    }

    private static boolean decodes(String path) {
        try {
            URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "the method is not allowed here";
            case 413 -> "the body is too large";
            case 414 -> "the address is too long";
            case 415 -> "the content type is not supported here";
            default -> "the request line or a header is malformed";
        };
    }
}
