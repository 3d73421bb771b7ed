package org.opencommerce.customer.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/**
 * Every integration test class extends this: Arquillian starts the one Liberty server of the suite and deploys the
 * WAR the build made, untouched; the tests talk to it over HTTP only.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ServiceDeployment {

    @Deployment(testable = false)
    public static WebArchive service() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }
}
