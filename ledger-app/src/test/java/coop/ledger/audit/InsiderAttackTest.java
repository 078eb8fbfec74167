package coop.ledger.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insider attack end to end: someone with write access to the database rewrites one sealed event, re-hashes its
 * record's chain and recomputes every seal. Without the key the seal signatures give it away; with a stolen key the
 * ledger verifies, but the seal an auditor kept before exposes the rewrite, on the server and offline.
 */
class InsiderAttackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] FORGED = "{\"record\":\"kaizhou\",\"note\":\"paid 0 yuan\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private long rewritten;

    @BeforeEach
    void aSealedLedger() throws Exception {
        ledger = new SealedLedger(dir);
        for (int i = 0; i < 150; i++) {
            long position = ledger.record(List.of("kaizhou", "wanzhou", "yunyang").get(i % 3), "event " + i);
            if (i == 40) {
                rewritten = position;
            }
        }
        ledger.sealer().sealThrough(100);
        ledger.sealer().sealThrough(ledger.newestPosition());
        try (Connection c = ledger.dataSource.getConnection()) {
            assertThat(new LedgerVerifier(ledger.trusted).verify(c).verified()).as("before the attack").isTrue();
        }
    }

    @Test
    void rewriting_an_event_and_recomputing_every_seal_without_the_key_fails_on_the_seal_signatures()
            throws Exception {
        for (SealSigner forger : new SealSigner[]{null, SealSigner.ephemeral()}) {
            try (Connection c = ledger.dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    SealedLedger.rewriteAndRehash(c, rewritten, FORGED);
                    SealedLedger.resealAll(c, forger);

                    VerificationReport withoutKeys = new LedgerVerifier().verify(c);
                    VerificationReport report = new LedgerVerifier(ledger.trusted).verify(c);

                    assertThat(withoutKeys.verified()).as("hash chains and roots alone are recomputable").isTrue();
                    assertThat(report.verified()).as("%s", report).isFalse();
                    assertThat(report.broken().problem()).isEqualTo("seal-signature-invalid");
                    assertThat(report.broken().detail()).contains(forger == null ? "does not hold" : "not a trusted key");
                } finally {
                    c.rollback();
                }
            }
        }
    }

    @Test
    void with_a_stolen_key_the_kept_seal_exposes_the_rewrite_on_the_server_and_offline() throws Exception {
        Seal kept = ledger.sealer().seals().get(0); // the auditor kept the first seal
        for (int i = 0; i < 30; i++) {
            ledger.record("kaizhou", "later " + i);
        }
        ledger.sealer().sealThrough(ledger.newestPosition());
        Path keyFile = Files.writeString(dir.resolve("ledger-key.pem"), ledger.key.publicKey().pem());
        Path keptFile = Files.write(dir.resolve("kept-seal.json"), JSON.writeValueAsBytes(kept));
        Path honestProof = Files.write(dir.resolve("honest-proof.json"), JSON.writeValueAsBytes(
                ledger.proofs().recordProof("kaizhou", null, kept.position())));
        assertThat(verifyProof(honestProof, keyFile, keptFile)).as("the honest ledger's proof").startsWith("0");

        try (Connection c = ledger.dataSource.getConnection()) {
            SealedLedger.rewriteAndRehash(c, rewritten, FORGED);
            SealedLedger.resealAll(c, ledger.key);
            assertThat(new LedgerVerifier(ledger.trusted).verify(c).verified())
                    .as("with the key, the rewritten ledger verifies on its own").isTrue();
        }

        ProofViews.KeptSealCheck check = ledger.proofs().checkKept(kept, null);
        assertThat(check.extended()).isFalse();
        assertThat(check.signature()).isEqualTo("valid");
        assertThat(check.problems()).extracting(ProofViews.KeptSealProblem::problem)
                .contains("kept-seal-differs", "sealed-range-rewritten");

        Path forgedProof = Files.write(dir.resolve("forged-proof.json"), JSON.writeValueAsBytes(
                ledger.proofs().recordProof("kaizhou", null, kept.position())));
        assertThat(verifyProof(forgedProof, keyFile, null)).as("without a kept seal, a stolen key signs anything")
                .startsWith("0");
        String offline = verifyProof(forgedProof, keyFile, keptFile);
        assertThat(offline).startsWith("1").contains("does not extend the kept seal");
    }

    @Test
    void the_offline_verifier_names_a_tampered_proof_and_refuses_unreadable_files() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("ledger-key.pem"), ledger.key.publicKey().pem());
        String proof = JSON.writeValueAsString(ledger.proofs().recordProof("wanzhou", null, null));
        Path good = Files.writeString(dir.resolve("proof.json"), proof);
        String oneHash = JSON.readTree(proof).path("events").get(3).path("hash").asString();
        Path edited = Files.writeString(dir.resolve("edited.json"), proof.replaceFirst(
                "\"payloadBase64\":\"[A-Za-z0-9+/=]+\"", "\"payloadBase64\":\"e30=\""));
        Path otherKey = Files.writeString(dir.resolve("other.pem"), SealSigner.ephemeral().publicKey().pem());

        assertThat(verifyProof(good, keyFile, null)).startsWith("0").contains("VERIFIED");
        assertThat(verifyProof(edited, keyFile, null)).startsWith("1").contains("stored bytes give hash");
        assertThat(verifyProof(Files.writeString(dir.resolve("path.json"), proof.replace(oneHash,
                "0".repeat(64))), keyFile, null)).startsWith("1");
        assertThat(verifyProof(good, otherKey, null)).startsWith("1").contains("not by the given key");
        assertThat(verifyProof(Files.writeString(dir.resolve("junk.json"), "{not json"), keyFile, null))
                .startsWith("2");
        assertThat(verifyProof(good, dir.resolve("missing.pem"), null)).startsWith("2");
    }

    /** Runs the jar's verify-proof mode; answers the exit code, a space, and what it printed. */
    private static String verifyProof(Path proof, Path key, Path kept) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("verify-proof", proof.toString(), "--public-key",
                key.toString()));
        if (kept != null) {
            args.addAll(List.of("--kept-seal", kept.toString()));
        }
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = AuditCommandLine.verifyProof(args.toArray(String[]::new), print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }
}
