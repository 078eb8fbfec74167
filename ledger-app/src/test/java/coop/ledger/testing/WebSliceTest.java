package coop.ledger.testing;

import coop.ledger.app.LedgerApplication;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring MVC slice of the ledger around the controllers named: those controllers, the problem+json advice and
 * the web configuration (write headers), with a {@code MockMvcTester} and no database, Axon or other slices. The
 * test mocks what the controllers need ({@code @MockitoBean CommandSender}, {@code QueryGateway}).
 *
 * <p>The application class lives in {@code coop.ledger.app}, not above the slices' packages, so it is named here.
 * Security is not part of the slice: its configuration needs the users' database, and who may do what is
 * {@code AuthorizationMatrixTest}'s concern. Requests run as the administrator {@value #RECORDER}, as if logged in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ContextConfiguration(classes = LedgerApplication.class)
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser(username = WebSliceTest.RECORDER, roles = "ADMIN")
public @interface WebSliceTest {

    String RECORDER = "alice";

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
