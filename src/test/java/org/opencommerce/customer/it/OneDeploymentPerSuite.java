package org.opencommerce.customer.it;

import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Arquillian deploys a class's deployment before the class and undeploys it after; every integration test class
 * deploys the same WAR, so the suite deploys it once, for the first class, and leaves it deployed until the server
 * stops. A WAR left in the server's dropins by an earlier run is removed before the server starts.
 */
public class OneDeploymentPerSuite implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Deployments.class);
    }

    public static class Deployments {

        private boolean deployed;

        public void removeEarlierRunsWar(@Observes(precedence = 1000) BeforeSuite event) {
            Path dropins = Path.of(System.getProperty("it.wlp.home"), "usr", "servers", System.getProperty("it.server.name"), "dropins");
            if (!Files.isDirectory(dropins)) {
                return;
            }
            try (Stream<Path> files = Files.list(dropins)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".war")).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void deployOnce(@Observes EventContext<DeployManagedDeployments> deploy) {
            if (!deployed) {
                deploy.proceed();
                deployed = true;
            }
        }

        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> undeploy) {
            // the server stops at the end of the suite and takes the application with it
        }
    }
}
