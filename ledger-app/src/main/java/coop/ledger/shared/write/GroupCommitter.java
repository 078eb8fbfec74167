package coop.ledger.shared.write;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Commits concurrent commands together: one database commit (one write of the store file, one fsync on
 * PostgreSQL) for a group of commands instead of one each.
 * <p>
 * Callers {@link #submit} their command and wait on their callback. One committer thread takes the first command
 * waiting and, without waiting for more, every other command already waiting (up to {@code maxGroupSize}): when a
 * caller is alone, its group is itself; under load, a group is what arrived while the previous group committed. The
 * group runs in one Spring transaction, each command after a savepoint of its own, dispatched to the real command
 * bus on the committer thread: its unit of work joins the group's transaction, so its events (with their hash
 * chain link), its record-directory rows and its Idempotency-Key row are written on the group's connection exactly as
 * they would be in a transaction of its own. A command that fails (refused by its rule, a duplicate key, a stale
 * version) is rolled back to its savepoint, alone. Then the group commits once, and only then is each caller
 * answered: with its result, with its own refusal, or, when the commit itself failed and nothing of the group was
 * recorded, with a {@link GroupCommitFailedException} (503, retryable); never an acknowledgement before the commit.
 * <p>
 * Two commands of the same record never share a group: the later one waits for the next group, so a record's
 * commands are decided and committed one after the other, in the order they arrived, as without grouping.
 */
public final class GroupCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** A command waiting for its group, the record it concerns, and whom to answer. */
    record Pending(CommandMessage<?> command, String recordId, CommandCallback<Object, Object> callback) {
    }

    private final CommandBus commandBus;
    private final PlatformTransactionManager transactions;
    private final int maxGroupSize;
    private final IntConsumer committedGroups;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    /** Commands put off because their record already had a command in the group; only the committer thread uses it. */
    private final Deque<Pending> putOff = new ArrayDeque<>();
    private Thread committer;
    private volatile boolean closed;

    /**
     * @param commandBus      the bus that handles each command (Axon's, with its unit of work, interceptors and
     *                        transaction interceptor), called on the committer thread
     * @param transactions    the transaction manager whose transaction the commands' units of work join
     * @param maxGroupSize    the most commands one commit covers
     * @param committedGroups told the size of every group that committed (a meter, or a test)
     */
    public GroupCommitter(CommandBus commandBus, PlatformTransactionManager transactions, int maxGroupSize,
                          IntConsumer committedGroups) {
        this.commandBus = commandBus;
        this.transactions = transactions;
        this.maxGroupSize = Math.max(1, maxGroupSize);
        this.committedGroups = committedGroups;
    }

    /** Queues the command for the next group; {@code callback} is answered after that group's commit. */
    @SuppressWarnings("unchecked")
    void submit(CommandMessage<?> command, String recordId, CommandCallback<?, ?> callback) {
        Pending pending = new Pending(command, recordId, (CommandCallback<Object, Object>) callback);
        startIfNeeded();
        waiting.add(pending);
        if (closed) {
            // raced with close(): the committer may already have stopped taking commands
            failWaiting();
        }
    }

    /** True on the committer thread itself: a command sent from there is dispatched directly, never queued. */
    boolean isCommitterThread() {
        return Thread.currentThread() == committer;
    }

    private synchronized void startIfNeeded() {
        if (committer == null && !closed) {
            committer = new Thread(this::commitGroups, "ledger-group-commit");
            // never keeps the JVM alive: nothing it holds was acknowledged
            committer.setDaemon(true);
            committer.start();
        }
    }

    private void commitGroups() {
        while (!closed || !waiting.isEmpty() || !putOff.isEmpty()) {
            Pending first = putOff.pollFirst();
            if (first == null) {
                try {
                    first = waiting.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (first != null) {
                commit(group(first));
            }
        }
        failWaiting();
    }

    /** The first command and what else is waiting now, at most one command per record, at most maxGroupSize. */
    private List<Pending> group(Pending first) {
        List<Pending> group = new ArrayList<>();
        Set<String> records = new HashSet<>();
        group.add(first);
        records.add(first.recordId());
        // commands put off earlier go first, in their order; those whose record is taken stay put off
        for (Iterator<Pending> it = putOff.iterator(); it.hasNext() && group.size() < maxGroupSize; ) {
            Pending next = it.next();
            if (records.add(next.recordId())) {
                it.remove();
                group.add(next);
            }
        }
        Pending next;
        while (group.size() < maxGroupSize && (next = waiting.poll()) != null) {
            if (records.add(next.recordId())) {
                group.add(next);
            } else {
                putOff.addLast(next);
            }
        }
        return group;
    }

    private void commit(List<Pending> group) {
        List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
        RuntimeException failure = null;
        TransactionStatus transaction = null;
        try {
            transaction = transactions.getTransaction(new DefaultTransactionDefinition());
            for (Pending pending : group) {
                results.add(handle(pending, transaction));
            }
        } catch (RuntimeException | Error e) {
            // the transaction itself broke (it could not begin, or a savepoint could not be rolled back to)
            failure = asRuntime(e);
            if (transaction != null && !transaction.isCompleted()) {
                rollbackQuietly(transaction);
            }
        }
        if (failure == null) {
            try {
                transactions.commit(transaction);
                committedGroups.accept(group.size());
            } catch (RuntimeException | Error e) {
                failure = asRuntime(e);
            }
        }
        if (failure != null) {
            log.warn("A group of {} commands could not be committed; none of them was recorded ({})", group.size(),
                    failure.toString());
        }
        for (int i = 0; i < group.size(); i++) {
            Pending pending = group.get(i);
            CommandResultMessage<?> result = i < results.size() ? results.get(i) : null;
            if (failure != null && (result == null || !result.isExceptional())) {
                result = GenericCommandResultMessage.asCommandResultMessage(new GroupCommitFailedException(
                        "the commit of this write's group failed; nothing of it was recorded", failure));
            }
            answer(pending, result);
        }
    }

    private static RuntimeException asRuntime(Throwable e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    /** Runs one command after a savepoint, and rolls it back to there, alone, if it failed. */
    private CommandResultMessage<?> handle(Pending pending, TransactionStatus transaction) {
        Object savepoint = transaction.createSavepoint();
        CommandResultMessage<?>[] answered = new CommandResultMessage<?>[1];
        try {
            commandBus.dispatch(pending.command(), (command, result) -> answered[0] = result);
        } catch (RuntimeException e) {
            answered[0] = GenericCommandResultMessage.asCommandResultMessage(e);
        }
        CommandResultMessage<?> result = answered[0] != null ? answered[0]
                : GenericCommandResultMessage.asCommandResultMessage(new IllegalStateException(
                "the command bus did not answer on the committing thread; group commit needs a synchronous bus"));
        if (result.isExceptional()) {
            // also clears the rollback-only mark the failed unit of work left on the joined transaction
            transaction.rollbackToSavepoint(savepoint);
        } else {
            transaction.releaseSavepoint(savepoint);
        }
        return result;
    }

    private void answer(Pending pending, CommandResultMessage<?> result) {
        try {
            pending.callback().onResult(pending.command(), result);
        } catch (RuntimeException e) {
            log.warn("A caller's callback failed after its group was committed", e);
        }
    }

    private void rollbackQuietly(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            log.warn("Rolling back a failed group failed too", e);
        }
    }

    /** Answers every command still waiting: the ledger is stopping, and none of them was recorded. */
    private void failWaiting() {
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        if (!isCommitterThread() && committer != null && committer.isAlive()) {
            // put-off commands belong to the committer thread while it runs
            left.forEach(this::failStopping);
            return;
        }
        left.addAll(0, putOff);
        putOff.clear();
        left.forEach(this::failStopping);
    }

    private void failStopping(Pending pending) {
        answer(pending, GenericCommandResultMessage.asCommandResultMessage(new GroupCommitFailedException(
                "the ledger is stopping; this write was not recorded", null)));
    }

    /** Stops taking commands; the commands already waiting are committed first (for up to 10 s). */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = committer;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failWaiting();
    }
}
