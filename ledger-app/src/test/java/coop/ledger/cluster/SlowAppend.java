package coop.ledger.cluster;

import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.RegisterPartyCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A registration whose transaction appends its event and then stays open for {@code holdFor} before it commits,
 * as a slow disk, a long handler or a paused JVM would make it: the event's global position is taken early and
 * becomes visible late.
 */
final class SlowAppend {

    private final CountDownLatch appended = new CountDownLatch(1);
    private volatile boolean committing;
    private final CompletableFuture<Void> committed;

    SlowAppend(ConfigurableApplicationContext node, String partyCode, Duration holdFor) {
        CommandGateway commands = node.getBean(CommandGateway.class);
        TransactionTemplate transaction = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        committed = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new RegisterPartyCommand(partyCode, "慢事务登记", "Slow registration",
                    PartyKind.GOVERNMENT, null, null));
            appended.countDown();
            try {
                Thread.sleep(holdFor.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            committing = true;
        }));
    }

    void awaitAppended() throws InterruptedException {
        if (!appended.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the slow registration never appended: " + committed);
        }
    }

    /** False until the transaction is about to commit: an observation made before a {@code false} is of it open. */
    boolean isCommitting() {
        return committing;
    }

    boolean isCommitted() {
        return committed.isDone();
    }

    void awaitCommitted() {
        committed.orTimeout(60, TimeUnit.SECONDS).join();
    }
}
