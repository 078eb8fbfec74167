package coop.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** ledger-core depends on the JDK, Axon's modelling and messaging API and Jackson annotations only. */
class ArchitectureTest {

    private static final ArchRule NO_SPRING_PERSISTENCE_OR_SQL = noClasses()
            .that().resideInAPackage("coop.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "java.sql..",
                    "javax.sql..",
                    "org.hibernate..",
                    "org.axonframework.spring..")
            .because("the domain core must run without Spring, JPA or a database");

    @Test
    void the_core_depends_on_no_spring_persistence_or_sql() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coop.ledger");

        NO_SPRING_PERSISTENCE_OR_SQL.check(core);
    }

    @Test
    void the_rule_catches_a_class_that_uses_sql() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesSql.class);

        assertThat(NO_SPRING_PERSISTENCE_OR_SQL.evaluate(offender).hasViolation()).isTrue();
    }

    /** What the rule exists to keep out of the core. */
    static class UsesSql {
        java.sql.Connection connection;
    }
}
