package cn.jinan.edu.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Layering every service keeps: rest → service → domain, and only service touches storage. */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  public static void check(String basePackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);

    noClasses()
        .that()
        .resideInAPackage(basePackage + ".rest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..",
            "jakarta.transaction..",
            "org.hibernate..",
            "io.quarkus.hibernate..",
            "io.quarkus.panache..",
            "io.agroal..",
            "java.sql..",
            "javax.sql..",
            "org.flywaydb..")
        .orShould()
        .dependOnClassesThat()
        .areAnnotatedWith("jakarta.persistence.Entity")
        .because("resources stay thin: persistence and transactions belong to the service layer")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .that()
        .resideInAnyPackage(basePackage + ".domain..", basePackage + ".service..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".rest..")
        .because("the HTTP layer depends on the core, never the other way round")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .that()
        .resideInAPackage(basePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "io.quarkus.security..")
        .because("domain rules are plain Java, testable without a server")
        .allowEmptyShould(true)
        .check(classes);
  }
}
