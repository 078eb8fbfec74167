package coop.ledger.app;

import coop.ledger.client.ApiClient;
import coop.ledger.client.ApiException;
import coop.ledger.client.api.AgreementsApi;
import coop.ledger.client.api.PartiesApi;
import coop.ledger.client.api.QueriesApi;
import coop.ledger.client.model.AgreementSigning;
import coop.ledger.client.model.AgreementView;
import coop.ledger.client.model.PageAgreementItem;
import coop.ledger.client.model.PartyRef;
import coop.ledger.client.model.ProblemDetail;
import coop.ledger.client.model.Register;
import coop.ledger.client.model.Rename;
import coop.ledger.client.model.WriteResult;
import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Java client generated from the committed API contract (openapi-generator, "native" library; see
 * docs/api-contract.md) records and reads through the running ledger exactly as the document says: what compiles
 * against the document works against the server, and a refusal arrives as the documented ProblemDetail.
 */
class GeneratedClientTest extends LedgerHttpTest {

    @LocalServerPort
    private int port;

    private ApiClient client;

    @BeforeEach
    void connectTheGeneratedClient() {
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestUsers.basic(Api.RECORDER)));
    }

    @Test
    void the_generated_client_records_a_signing_and_reads_it_back() throws ApiException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PartiesApi parties = new PartiesApi(client);
        AgreementsApi agreements = new AgreementsApi(client);
        String wanzhou = "GC-WZ-" + suffix;
        String dazhou = "GC-DZ-" + suffix;

        parties.registerParty(new Register().code(wanzhou).nameZh("万州区").kind(Register.KindEnum.GOVERNMENT),
                null, null);
        parties.registerParty(new Register().code(dazhou).nameZh("达州市").kind(Register.KindEnum.GOVERNMENT),
                null, "gc-" + suffix);
        WriteResult signed = agreements.signAgreement(new AgreementSigning()
                .title("万达开川渝统筹发展示范区合作协议")
                .kind(AgreementSigning.KindEnum.FRAMEWORK)
                .signatories(List.of(wanzhou, dazhou))
                .signedOn(LocalDate.of(2020, 4, 23))
                .domains(java.util.Set.of(AgreementSigning.DomainsEnum.TRANSPORT)), null, null);

        AgreementView read = agreements.getAgreement(signed.getId());
        assertThat(read.getTitle()).isEqualTo("万达开川渝统筹发展示范区合作协议");
        assertThat(read.getSignedOn()).isEqualTo(LocalDate.of(2020, 4, 23));
        assertThat(read.getSignatories()).extracting(PartyRef::getCode, PartyRef::getName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(wanzhou, "万州区"),
                        org.assertj.core.groups.Tuple.tuple(dazhou, "达州市"));
        assertThat(read.getVersion()).isEqualTo(signed.getVersion());

        PageAgreementItem listed = awaitListed(new QueriesApi(client), wanzhou);
        assertThat(listed.getItems()).extracting(item -> item.getId()).containsExactly(signed.getId());
    }

    @Test
    void a_refusal_reaches_the_generated_client_as_the_documented_problem() throws Exception {
        String code = "GC-KZ-" + UUID.randomUUID().toString().substring(0, 8);
        PartiesApi parties = new PartiesApi(client);
        parties.registerParty(new Register().code(code).nameZh("开州区").kind(Register.KindEnum.GOVERNMENT),
                null, null);

        ApiException stale = catchThrowableOfType(ApiException.class, () -> parties.renameParty(code,
                new Rename().nameZh("重庆市开州区").effectiveOn(LocalDate.of(2020, 1, 1)), "\"99\"", null));

        assertThat(stale.getCode()).isEqualTo(412);
        ProblemDetail problem = client.getObjectMapper().readValue(stale.getResponseBody(), ProblemDetail.class);
        assertThat(problem.getStatus()).isEqualTo(412);
        assertThat(problem.getType().toString()).startsWith("urn:cooperation-ledger:problem:");
        assertThat(problem.getRule()).isEqualTo("version.stale");
    }

    /** The list is read from a projection, which follows the write within moments. */
    private static PageAgreementItem awaitListed(QueriesApi queries, String party) throws ApiException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        PageAgreementItem page = queries.listAgreementQuery(party, null, null, null, null, null, null, null, null, null, null);
        while (page.getTotal() == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = queries.listAgreementQuery(party, null, null, null, null, null, null, null, null, null, null);
        }
        return page;
    }
}
