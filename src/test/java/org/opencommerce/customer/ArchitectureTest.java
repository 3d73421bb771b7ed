package org.opencommerce.customer;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the features (docs/decisions.md, "Code layout"): each feature imports only features below it, the
 * shared platform none, and inside a feature boundary → control → entity. A new back-edge fails the build.
 */
@AnalyzeClasses(packages = "org.opencommerce.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.opencommerce.customer.";

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDependDownwardsOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("admin").definedBy(ROOT + "admin..")
            .layer("backoffice").definedBy(ROOT + "backoffice..")
            .layer("signup").definedBy(ROOT + "signup..")
            .layer("social").definedBy(ROOT + "social..")
            .layer("credentials").definedBy(ROOT + "credentials..")
            .layer("token").definedBy(ROOT + "token..")
            .layer("profile").definedBy(ROOT + "profile..")
            .layer("mail").definedBy(ROOT + "mail..")
            .layer("webhooks").definedBy(ROOT + "webhooks..")
            .layer("verification").definedBy(ROOT + "verification..")
            .layer("tenant").definedBy(ROOT + "tenant..")
            .layer("platform").definedBy(ROOT + "platform..")
            .whereLayer("admin").mayNotBeAccessedByAnyLayer()
            .whereLayer("backoffice").mayOnlyBeAccessedByLayers("admin")
            .whereLayer("signup").mayOnlyBeAccessedByLayers("admin", "backoffice")
            .whereLayer("social").mayOnlyBeAccessedByLayers("admin", "backoffice")
            .whereLayer("credentials").mayOnlyBeAccessedByLayers("admin", "backoffice")
            .whereLayer("token").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials")
            .whereLayer("profile").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token")
            .whereLayer("mail").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token",
                    "profile")
            .whereLayer("webhooks").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token",
                    "profile")
            .whereLayer("verification").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token",
                    "profile")
            .whereLayer("tenant").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token",
                    "profile", "mail", "webhooks", "verification")
            .whereLayer("platform").mayOnlyBeAccessedByLayers("admin", "backoffice", "signup", "social", "credentials", "token",
                    "profile", "mail", "webhooks", "verification", "tenant");

    @ArchTest
    static final ArchRule controlsDoNotKnowBoundaries = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule entitiesKnowNeitherControlsNorBoundaries = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..control..");

    /** Tenant isolation (docs/decisions.md): a customer comes into being only with a number of its tenant. */
    @ArchTest
    static final ArchRule customersAreRegisteredInOnePlace = noClasses()
            .that().doNotHaveFullyQualifiedName(ROOT + "profile.control.Customers")
            .should().callConstructor(ROOT + "profile.entity.Customer", String.class.getName(), "long",
                    java.time.Instant.class.getName())
            .because("Customers.register allocates the tenant's number; no other path may create a customer");

    /**
     * One write path per aggregate (docs/decisions.md, "Code layout"): only the profile feature's controls change a
     * customer or an address; every other flow calls them.
     */
    @ArchTest
    static final ArchRule onlyTheProfileControlsChangeCustomersAndAddresses = noClasses()
            .that().resideOutsideOfPackage(ROOT + "profile.control..")
            .and().resideOutsideOfPackage(ROOT + "profile.entity..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a method that changes a Customer or an Address") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean customer = owner.equals(ROOT + "profile.entity.Customer")
                            && (name.startsWith("apply") || name.startsWith("change") || name.startsWith("set"));
                    boolean address = owner.equals(ROOT + "profile.entity.Address") && name.startsWith("set");
                    return customer || address;
                }
            });

    /**
     * Verify, then act (docs/decisions.md): a flow that must hash outside a transaction is a non-transactional bean
     * calling a separate transactional one, never a self-call through the container, whose transactional half would be
     * a public method anyone could call with any account id.
     */
    @ArchTest
    static final ArchRule noSelfCallsThroughTheContainer = noClasses()
            .should().callMethod(jakarta.ejb.SessionContext.class, "getBusinessObject", Class.class)
            .because("a flow is split into a verifying bean and the transactional bean it calls");
}
