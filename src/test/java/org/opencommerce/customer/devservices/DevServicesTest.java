package org.opencommerce.customer.devservices;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code mvn -Prun} starts the dev services (DevServices) and then Liberty with server-config/liberty/server.xml, both
 * in the same environment: for each dev port setting, the server must connect to the service started for it.
 * The server's variables are resolved here as Liberty resolves them (a variable's {@code value}, else the
 * environment, else its {@code defaultValue}; {@code ${…}} expanded in each).
 */
class DevServicesTest {

    private static final Path SERVER_XML = Path.of("server-config/liberty/server.xml");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void devDbPort_movesTheEmbeddedDatabaseAndTheServersDbUrlTogether() throws Exception {
        for (String port : new String[]{"3317", "3318"}) {
            Map<String, String> env = Map.of("DEV_DB_PORT", port);
            assertEquals(Integer.parseInt(port), DevServices.databasePort(env));
            assertEquals("jdbc:mariadb://127.0.0.1:" + port + "/customer", serverVariable("DB_URL", env));
        }
    }

    @Test
    void withoutDevSettings_theServerConnectsToTheDefaultDevServices() throws Exception {
        Map<String, String> env = Map.of();
        assertEquals("jdbc:mariadb://127.0.0.1:" + DevServices.databasePort(env) + "/customer", serverVariable("DB_URL", env));
        assertEquals(String.valueOf(DevServices.smtpPort(env)), mailSessionPort(env));
    }

    @Test
    void smtpPort_movesTheDevInboxAndTheServersMailSessionTogether() throws Exception {
        Map<String, String> env = Map.of("SMTP_PORT", "2626", "DEV_IMAP_PORT", "3244");
        assertEquals(2626, DevServices.smtpPort(env));
        assertEquals(3244, DevServices.imapPort(env));
        assertEquals("2626", mailSessionPort(env));
    }

    @Test
    void httpPort_movesTheEndpointAndTheJwksTheServerReadsItsKeysFrom() throws Exception {
        Map<String, String> env = Map.of("HTTP_PORT", "9181");
        assertEquals("http://127.0.0.1:9181/.well-known/jwks.json", serverVariable("JWKS_LOCATION", env));
        assertEquals("9181", resolve(attribute("httpEndpoint", "httpPort"), env));
    }

    @Test
    void anExplicitDbUrl_winsOverTheDevPort() throws Exception {
        Map<String, String> env = Map.of("DEV_DB_PORT", "3317", "DB_URL", "jdbc:mariadb://db:3306/customer");
        assertEquals("jdbc:mariadb://db:3306/customer", serverVariable("DB_URL", env));
    }

    private static String mailSessionPort(Map<String, String> env) throws Exception {
        NodeList properties = server().getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if ("mail.smtp.port".equals(property.getAttribute("name"))) {
                return resolve(property.getAttribute("value"), env);
            }
        }
        throw new AssertionError("no mail.smtp.port in " + SERVER_XML);
    }

    private static String attribute(String element, String name) throws Exception {
        return ((Element) server().getElementsByTagName(element).item(0)).getAttribute(name);
    }

    /** The variable's value with the environment given, as Liberty resolves it. */
    private static String serverVariable(String name, Map<String, String> env) throws Exception {
        return resolve("${" + name + "}", env);
    }

    private static String resolve(String text, Map<String, String> env) throws Exception {
        Map<String, Element> variables = variables();
        String resolved = text;
        for (int depth = 0; depth < 10 && REFERENCE.matcher(resolved).find(); depth++) {
            Matcher reference = REFERENCE.matcher(resolved);
            StringBuilder next = new StringBuilder();
            while (reference.find()) {
                String name = reference.group(1);
                Element variable = variables.get(name);
                String value;
                if (variable != null && variable.hasAttribute("value")) {
                    value = variable.getAttribute("value");
                } else if (env.containsKey(name)) {
                    value = env.get(name);
                } else if (variable != null && variable.hasAttribute("defaultValue")) {
                    value = variable.getAttribute("defaultValue");
                } else {
                    throw new AssertionError("server.xml does not define ${" + name + "}");
                }
                reference.appendReplacement(next, Matcher.quoteReplacement(value));
            }
            reference.appendTail(next);
            resolved = next.toString();
        }
        return resolved;
    }

    private static Map<String, Element> variables() throws Exception {
        Map<String, Element> variables = new HashMap<>();
        NodeList nodes = server().getElementsByTagName("variable");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element variable = (Element) nodes.item(i);
            variables.put(variable.getAttribute("name"), variable);
        }
        return variables;
    }

    private static Document server() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SERVER_XML.toFile());
    }
}
