package coop.ledger.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout the code keeps: concept slices ({@code party}, {@code agreement}, {@code project}, {@code programme})
 * own their read models; {@code dashboard}, {@code audit}, {@code importing}, {@code processing},
 * {@code eventstore} and {@code shared} sit around them; the domain core stays free of Spring and SQL. Each rule
 * is also shown to catch the kind of class it exists to keep out.
 */
class ArchitectureTest {

    /** The concept slices: each owns its endpoints, request mapping, read-model tables, rows and queries. */
    static final List<String> CONCEPTS = List.of("party", "agreement", "project", "programme");

    /** A slice's read-model internals: its rows, the store of its tables and the event handler that writes them. */
    static final DescribedPredicate<JavaClass> READ_MODEL_INTERNALS = DescribedPredicate.describe(
            "read-model internals of a concept slice (*Row, *Rows, *Projection)",
            c -> CONCEPTS.contains(slice(c)) && (c.getSimpleName().endsWith("Row")
                    || c.getSimpleName().endsWith("Rows") || c.getSimpleName().endsWith("Projection")));

    static final ArchRule SLICES_FREE_OF_CYCLES = slices().matching("coop.ledger.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule NO_READING_ANOTHER_SLICES_READ_MODEL = classes()
            .should(notDependOnReadModelInternalsOfAnotherSlice());

    static final ArchRule WEB_CODE_USES_NO_PERSISTENCE_OF_ANOTHER_PACKAGE = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .or().areAnnotatedWith(RestControllerAdvice.class).or().areAnnotatedWith(ControllerAdvice.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                    "jakarta.persistence..")
            .orShould().dependOnClassesThat(READ_MODEL_INTERNALS)
            .orShould().dependOnClassesThat().haveSimpleName("ReadModelStore")
            .because("web code asks its slice's queries and sends commands; tables are the slices' own business");

    /** The core's packages (the app has no classes in them). */
    static final String[] CORE_PACKAGES = {"coop.ledger.*.api..", "coop.ledger.*.command..",
            "coop.ledger.*.state..", "coop.ledger.shared"};

    static final ArchRule CORE_FREE_OF_SPRING_AND_SQL = noClasses()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "java.sql..", "javax.sql..", "org.axonframework.spring..")
            .because("the domain core must run without Spring, JPA or a database");

    private static JavaClasses ledger;

    @BeforeAll
    static void importTheLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coop.ledger");
    }

    @Test
    void the_slices_are_free_of_cycles() {
        SLICES_FREE_OF_CYCLES.check(ledger);
    }

    @Test
    void no_slice_reads_another_slices_read_model_tables_or_rows() {
        NO_READING_ANOTHER_SLICES_READ_MODEL.check(ledger);
    }

    @Test
    void web_code_touches_no_persistence_of_another_package() {
        WEB_CODE_USES_NO_PERSISTENCE_OF_ANOTHER_PACKAGE.check(ledger);
    }

    @Test
    void the_core_depends_on_no_spring_persistence_or_sql() {
        CORE_FREE_OF_SPRING_AND_SQL.check(ledger);
    }

    @Test
    void the_cycle_rule_catches_two_slices_that_use_each_other() {
        JavaClasses offenders = new ClassFileImporter().importClasses(coop.ledger.fixturea.UsesB.class,
                coop.ledger.fixtureb.UsesA.class);

        assertThat(SLICES_FREE_OF_CYCLES.evaluate(offenders).hasViolation()).isTrue();
    }

    @Test
    void the_read_model_rule_catches_a_class_that_reads_another_slices_rows() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsAgreementRows.class,
                coop.ledger.agreement.AgreementProjection.class);

        assertThat(NO_READING_ANOTHER_SLICES_READ_MODEL.evaluate(offender).hasViolation()).isTrue();
    }

    @Test
    void the_web_rule_catches_a_controller_that_queries_tables() {
        JavaClasses offender = new ClassFileImporter().importClasses(ControllerWithSql.class);

        assertThat(WEB_CODE_USES_NO_PERSISTENCE_OF_ANOTHER_PACKAGE.evaluate(offender).hasViolation()).isTrue();
    }

    @Test
    void the_core_rule_catches_a_core_class_that_uses_spring() {
        JavaClasses offender = new ClassFileImporter().importClasses(coop.ledger.fixturea.state.UsesSpring.class);

        assertThat(CORE_FREE_OF_SPRING_AND_SQL.evaluate(offender).hasViolation()).isTrue();
    }

    /** The concept slice a class belongs to: the package right under {@code coop.ledger}. */
    static String slice(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("coop.ledger.")) {
            return "";
        }
        String rest = name.substring("coop.ledger.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> notDependOnReadModelInternalsOfAnotherSlice() {
        return new ArchCondition<>("not depend on the read-model internals of another slice") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    if (READ_MODEL_INTERNALS.test(target) && !slice(target).equals(slice(origin))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    /** What the read-model rule keeps out: a class of another slice (here: this test's) that reads agreement rows. */
    static class ReadsAgreementRows {
        Set<coop.ledger.agreement.AgreementProjection> projections;
    }

    /** What the web rule keeps out: a controller that runs SQL itself. */
    @RestController
    static class ControllerWithSql {
        org.springframework.jdbc.core.JdbcTemplate jdbc;
    }
}
