package coop.ledger.testing;

import coop.ledger.app.LedgerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every test that talks to the running ledger over HTTP. All subclasses declare exactly this
 * configuration, so they share one cached application and one store (in a fresh directory per test run).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=./target/test-data/${random.uuid}",
                // Axon logs every refused command with its stack trace; refusals are what many tests here expect.
                "logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR",
                // the same users as TestUsers.PROPERTIES (annotation values must be literals)
                "ledger.security.users.ndrc-office.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.ndrc-office.roles=ADMIN",
                "ledger.security.users.alice.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.alice.roles=ADMIN",
                "ledger.security.users.bob.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.bob.roles=ADMIN",
                "ledger.security.users.auditor.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.auditor.roles=AUDITOR",
                "ledger.security.users.viewer.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.viewer.roles=VIEWER",
                "ledger.security.users.prometheus.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.prometheus.roles=METRICS"})
public abstract class LedgerHttpTest {

    static {
        LedgerApplication.quietAxon();
    }

    @LocalServerPort
    private int port;

    protected Api api;

    @Autowired
    private coop.ledger.processing.ProjectionRebuild rebuild;

    @BeforeEach
    void connectToLedger() {
        api = new Api(port);
    }

    /**
     * A test that POSTs to /api/audit/rebuild (the authorization matrix does) starts a replay in the background;
     * the next test must not find the projections half rebuilt, nor shut the processor down under it.
     */
    @org.junit.jupiter.api.AfterEach
    void letARebuildFinish() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (rebuild.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Registers the parties, in order, and fails the test unless each is accepted. */
    protected void register(TestData.Party... parties) {
        for (TestData.Party party : parties) {
            Reply reply = api.post("/api/parties", party.json()).send();
            assertThat(reply.status()).as("registering %s: %s", party.code(), reply).isEqualTo(201);
        }
    }

    /** Records a signing and returns the agreement's id; fails the test unless it is accepted. */
    protected String sign(ObjectNode signing) {
        Reply reply = api.post("/api/agreements", signing).send();
        assertThat(reply.status()).as("signing: %s", reply).isEqualTo(201);
        return reply.id();
    }

    /** Registers two governments and a third as observer, and records their framework agreement. */
    protected String signedAgreement(TestData.Party first, TestData.Party second, TestData.Party observer) {
        register(first, second, observer);
        return sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(first, second),
                List.of(observer)));
    }

    protected Reply agreement(String id) {
        return api.get("/api/agreements/" + id).send();
    }

    protected long agreementVersion(String id) {
        Reply reply = agreement(id);
        assertThat(reply.status()).as("reading agreement %s: %s", id, reply).isEqualTo(200);
        return reply.version();
    }
}
