package coop.ledger.shared.security;

import coop.ledger.app.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** With no user configured, the first start creates one administrator with a random password; later starts keep it. */
class BootstrapAdminTest {

    static {
        LedgerApplication.quietAxon();
    }

    @Test
    void first_start_creates_an_admin_with_a_random_password_that_survives_a_restart(@TempDir Path dataDir)
            throws Exception {
        Path passwordFile = dataDir.resolve(LedgerUsers.PASSWORD_FILE);
        String password;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin").isNotEqualTo("password");
            assertThat(status(app, "admin", password)).isEqualTo(404);
            assertThat(status(app, "admin", "wrong")).isEqualTo(401);
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(Files.readString(passwordFile).strip()).as("no second admin on restart").isEqualTo(password);
            assertThat(status(app, "admin", password)).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }

    /** Status of reading an unknown party: 404 once logged in, 401 when the login fails. */
    private static int status(ConfigurableApplicationContext app, String user, String password) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/parties/nobody"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
