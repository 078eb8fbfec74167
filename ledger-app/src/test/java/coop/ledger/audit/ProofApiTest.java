package coop.ledger.audit;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof endpoints over HTTP, and the auditor's walk-through of docs/auditors-proofs.md: fetch the public key,
 * keep a seal, fetch a record's proof later, verify it offline; check the kept seal on the server.
 */
class ProofApiTest extends LedgerHttpTest {

    @Autowired
    private LedgerSealer sealer;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SealSigner signer;

    @TempDir
    Path auditorDir;

    @Test
    void the_public_key_is_served_and_its_private_half_stays_in_a_file_of_its_own() throws Exception {
        Reply reply = api.get("/api/audit/public-key").as(TestUsers.AUDITOR).send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("algorithm").asString()).isEqualTo("Ed25519");
        String pem = reply.json().path("pem").asString();
        SealKey key = SealKey.fromPem(pem);
        assertThat(reply.json().path("fingerprint").asString()).isEqualTo(key.fingerprint()).hasSize(64);
        assertThat(reply.json().path("keyId").asString()).isEqualTo(key.keyId()).startsWith("ed25519:");

        Path keyFile = signer.file();
        assertThat(keyFile.getFileName()).hasToString("seal-signing-key.pem");
        String content = Files.readString(keyFile);
        assertThat(content).contains("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String privateBase64 = content.substring(content.indexOf("-----BEGIN PRIVATE KEY-----") + 28,
                content.indexOf("-----END PRIVATE KEY-----")).strip();
        assertThat(api.get("/api/audit/export").as(TestUsers.AUDITOR).send().text()).doesNotContain(privateBase64);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ledger_seal WHERE signature LIKE '%"
                     + privateBase64.substring(0, 20) + "%' OR key_id LIKE '%" + privateBase64.substring(0, 20) + "%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertProblem(api.get("/api/audit/public-key").as(TestUsers.VIEWER).send(), 403);
    }

    @Test
    void an_auditor_keeps_a_seal_fetches_a_proof_later_and_verifies_it_offline() throws Exception {
        String record = recordAnAgreementWithItems(6);
        sealer.sealThrough(newestPosition());
        Path keyFile = auditorDir.resolve("ledger-key.pem");
        Files.writeString(keyFile, api.get("/api/audit/public-key").as(TestUsers.AUDITOR).send().json()
                .path("pem").asString());
        JsonNode seals = api.get("/api/audit/seals").as(TestUsers.AUDITOR).send().json();
        JsonNode keptJson = seals.get(seals.size() - 1);
        String keptText = keptJson.toString();
        Path keptFile = Files.writeString(auditorDir.resolve("kept-seal.json"), keptText);
        String sealedAt = keptJson.path("sealedAt").asString();
        assertThat(Instant.parse(sealedAt).toString()).as("the signed text of sealedAt").isEqualTo(sealedAt);
        assertThat(keptJson.path("signature").asString()).isNotBlank();

        for (int i = 6; i < 9; i++) {
            addItem(record, i);
        }
        sealer.sealThrough(newestPosition());
        addItem(record, 9); // recorded after the newest seal
        long keptPosition = keptJson.path("position").asLong();

        Reply proof = api.get("/api/audit/records/" + record + "/proof?keptSeal=" + keptPosition)
                .as(TestUsers.AUDITOR).send();

        assertThat(proof.status()).as("%s", proof).isEqualTo(200);
        assertThat(proof.json().path("format").asString()).isEqualTo("cooperation-ledger-proof/1");
        assertThat(proof.json().path("events").size()).isGreaterThanOrEqualTo(10);
        assertThat(proof.json().path("notYetSealed").size()).isEqualTo(1);
        assertThat(proof.json().path("consistency").path("from").path("position").asLong()).isEqualTo(keptPosition);
        Path proofFile = Files.writeString(auditorDir.resolve("proof.json"), proof.text());
        assertThat(verifyProof(proofFile, keyFile, keptFile)).startsWith("0").contains("VERIFIED");

        Reply check = api.post("/api/audit/verification", json(keptText)).as(TestUsers.AUDITOR).send();
        assertThat(check.status()).as("%s", check).isEqualTo(200);
        assertThat(check.json().path("extended").asBoolean()).as("%s", check).isTrue();
        assertThat(check.json().path("signature").asString()).isEqualTo("valid");
        assertThat(check.json().path("verification").path("verified").asBoolean()).isTrue();

        String altered = keptText.replace(keptJson.path("root").asString(), "0".repeat(64));
        Reply alteredCheck = api.post("/api/audit/verification", json(altered)).as(TestUsers.AUDITOR).send();
        assertThat(alteredCheck.json().path("extended").asBoolean()).isFalse();
        assertThat(alteredCheck.json().path("signature").asString()).isEqualTo("invalid");
        assertThat(alteredCheck.json().path("problems").valueStream().map(p -> p.path("problem").asString()))
                .contains("kept-seal-signature-invalid", "kept-seal-differs", "sealed-range-rewritten");
    }

    @Test
    void the_consistency_proof_between_two_seals_holds() throws Exception {
        recordAnAgreementWithItems(3);
        sealer.sealThrough(newestPosition());
        recordAnAgreementWithItems(2);
        sealer.sealThrough(newestPosition());
        JsonNode seals = api.get("/api/audit/seals").as(TestUsers.AUDITOR).send().json();
        JsonNode from = seals.get(seals.size() - 2);
        JsonNode to = seals.get(seals.size() - 1);

        Reply reply = api.get("/api/audit/seals/consistency?from=" + from.path("position").asLong() + "&to="
                + to.path("position").asLong()).as(TestUsers.AUDITOR).send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<byte[]> proof = new ArrayList<>();
        reply.json().path("proof").forEach(h -> proof.add(HexFormat.of().parseHex(h.asString())));
        assertThat(MerkleTree.verifyConsistency(from.path("events").asLong(), to.path("events").asLong(),
                HexFormat.of().parseHex(from.path("root").asString()),
                HexFormat.of().parseHex(to.path("root").asString()), proof)).isTrue();
    }

    @Test
    void bad_proof_requests_are_refused_naming_the_parameter() throws Exception {
        String record = recordAnAgreementWithItems(1);
        sealer.sealThrough(newestPosition());
        long newest = api.get("/api/audit/seals").as(TestUsers.AUDITOR).send().json().valueStream()
                .mapToLong(s -> s.path("position").asLong()).max().orElseThrow();

        assertInvalid(api.get("/api/audit/records/" + record + "/proof?seal=" + (newest + 1000))
                .as(TestUsers.AUDITOR).send(), 400, "seal");
        assertProblem(api.get("/api/audit/records/no-such-record/proof").as(TestUsers.AUDITOR).send(), 404);
        assertInvalid(api.get("/api/audit/seals/consistency?from=" + newest + "&to=" + (newest + 1000))
                .as(TestUsers.AUDITOR).send(), 400, "to");
        assertProblem(api.get("/api/audit/seals/consistency?from=x&to=1").as(TestUsers.AUDITOR).send(), 400);
        assertInvalid(api.post("/api/audit/verification", json("{\"position\":1,\"events\":1,\"root\":\"xyz\","
                + "\"previousRoot\":\"" + "0".repeat(64) + "\",\"sealedAt\":\"2026-01-01T00:00:00Z\"}"))
                .as(TestUsers.AUDITOR).send(), 400, "root");
        assertProblem(api.post("/api/audit/verification", json("{\"position\":1,\"events\":1,\"root\":\""
                + "0".repeat(64) + "\"}")).as(TestUsers.VIEWER).send(), 403);
    }

    private Object json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    private String recordAnAgreementWithItems(int items) {
        Party first = TestData.wanzhou();
        Party second = TestData.kaizhou();
        register(first, second);
        String id = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(first, second),
                List.of()));
        for (int i = 0; i < items; i++) {
            addItem(id, i);
        }
        return id;
    }

    private void addItem(String agreement, int i) {
        Reply reply = api.post("/api/agreements/" + agreement + "/items", object("itemId", "item-" + i,
                "description", "联合事项" + i, "listedOn", "2021-01-0" + (1 + i % 9))).send();
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private long newestPosition() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return SealedLedger.newestPosition(c);
        }
    }

    private static String verifyProof(Path proof, Path key, Path kept) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = AuditCommandLine.verifyProof(new String[]{"verify-proof", proof.toString(), "--public-key",
                key.toString(), "--kept-seal", kept.toString()}, print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }
}
