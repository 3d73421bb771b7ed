package org.opencommerce.customer.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container image cannot be built here (no Docker engine), so its wiring is checked by reading the Dockerfile
 * against the repository: it runs the one server.xml of server-config/liberty, on the Liberty version the build
 * tests, puts the JDBC driver where that server.xml looks for it, runs as non-root, and checks /health/ready.
 */
class ContainerImageTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path SERVER_XML = Path.of("server-config/liberty/server.xml");

    /** The Dockerfile's instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
            } else {
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** The instructions of the last stage: the image that runs. */
    private static List<String> runtimeStage() throws IOException {
        List<String> all = instructions();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    @Test
    void runsTheTestedLibertyVersionOnJava17Or21_pinned() throws IOException {
        String from = runtimeStage().get(0);
        String version = System.getProperty("liberty.runtime.version");
        assertTrue(from.matches("FROM icr\\.io/appcafe/open-liberty:" + version.replace(".", "\\.")
                + "-full-java(17|21)-openj9-ubi(-minimal)?"), from);
    }

    @Test
    void copiesTheJvmOptionsOfTheTestedServer() throws IOException {
        assertTrue(Files.exists(Path.of("server-config/liberty/jvm.options")));
        assertTrue(runtimeStage().contains("COPY --chown=1001:0 server-config/liberty/jvm.options /config/jvm.options"));
    }

    @Test
    void copiesTheOneServerXml_notASecondCopyOfIt() throws IOException {
        assertTrue(runtimeStage().contains("COPY --chown=1001:0 " + SERVER_XML + " /config/server.xml"));
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            List<Path> serverXmls = files.filter(path -> !path.startsWith("./target") && !path.startsWith("./.git"))
                    .filter(path -> path.getFileName().toString().equals("server.xml")).toList();
            assertEquals(List.of(Path.of(".").resolve(SERVER_XML)), serverXmls);
        }
    }

    @Test
    void putsTheDriverWhereServerXmlLooksForIt_andDeploysTheWar() throws Exception {
        assertEquals("${shared.resource.dir}/jdbc", serverXmlVariables().stream()
                .filter(variable -> variable.getAttribute("name").equals("JDBC_DRIVER_DIR")).findFirst().orElseThrow()
                .getAttribute("defaultValue"));
        // ${shared.resource.dir} of the image's Liberty (WLP_USER_DIR /opt/ol/wlp/usr)
        assertTrue(runtimeStage().contains(
                "COPY --chown=1001:0 --from=build /build/target/jdbc/ /opt/ol/wlp/usr/shared/resources/jdbc/"));
        assertTrue(runtimeStage().contains(
                "COPY --chown=1001:0 --from=build /build/target/customer-service.war /config/dropins/customer-service.war"));
    }

    @Test
    void runsAsNonRoot_withAHealthcheckOnReadiness() throws IOException {
        List<String> stage = runtimeStage();
        String user = stage.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertFalse(user.equals("USER root") || user.equals("USER 0"), user);
        assertTrue(stage.stream().anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/health/ready")));
    }

    @Test
    void everySettingIsAnEnvironmentVariableTheReadmeLists() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String configuration = readme.substring(readme.indexOf("## Configuration"),
                readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
        List<String> settings = new ArrayList<>();
        serverXmlVariables().stream().filter(variable -> variable.hasAttribute("defaultValue"))
                .map(variable -> variable.getAttribute("name"))
                .filter(name -> !name.equals("JDBC_DRIVER_DIR")) // set by the build and the image, not by operators
                .forEach(settings::add);
        runtimeStage().stream().filter(line -> line.startsWith("ENV "))
                .flatMap(line -> Arrays.stream(line.substring(4).trim().split("\\s+")))
                .map(assignment -> assignment.substring(0, assignment.indexOf('=')))
                .forEach(settings::add);
        settings.addAll(configPropertiesOfTheCode());
        assertFalse(settings.isEmpty());
        List<String> undocumented = settings.stream().filter(name -> !configuration.contains("`" + name + "`")).toList();
        assertEquals(List.of(), undocumented, "settings missing from README's Configuration section");
    }

    private static List<String> configPropertiesOfTheCode() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                int at = 0;
                while ((at = text.indexOf("@ConfigProperty(name = \"", at)) >= 0) {
                    at += "@ConfigProperty(name = \"".length();
                    names.add(text.substring(at, text.indexOf('"', at)));
                }
            }
        }
        return names;
    }

    private static List<Element> serverXmlVariables() throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SERVER_XML.toFile())
                .getElementsByTagName("variable");
        List<Element> variables = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element variable = (Element) nodes.item(i);
            if (variable.getParentNode() == variable.getOwnerDocument().getDocumentElement()) {
                variables.add(variable);
            }
        }
        return variables;
    }
}
