package org.opencommerce.customer.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

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

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_BAD_REQUEST;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && uri instanceof String path && !decodes(path)) {
            status = HttpServletResponse.SC_BAD_REQUEST;
        }
        ErrorMessage body = status >= 500
                ? new ErrorMessage(status, "internal_error", "An unexpected error occurred.", null, null)
                : new ErrorMessage(status, typeOf(status), "The request cannot be served: " + reasonOf(status) + ".", null, null);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(JSON.toJson(body));
    }

    private static boolean decodes(String path) {
        try {
            URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String typeOf(int status) {
        return switch (status) {
            case 404 -> "resource_not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
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
