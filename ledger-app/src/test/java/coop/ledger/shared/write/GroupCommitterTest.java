package coop.ledger.shared.write;

import coop.ledger.shared.web.Refusals;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit, with a real database and transaction manager but a stand-in command bus: each "command" writes one
 * row through the transaction it joins (as a command's unit of work does) and may be refused after writing it. The
 * test holds a group's commit open (a gate in the transaction manager) to make writes arrive while it runs, so which
 * writes share a commit is decided by the test, not by timing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitterTest {

    /** A command of the stand-in bus: write {@code row} for {@code recordId}, then refuse it if {@code refused}. */
    record Write(String recordId, String row, boolean refused) {
    }

    static final class RuleRefusedException extends RuntimeException {
        RuleRefusedException(String message) {
            super(message);
        }
    }

    private final JdbcDataSource database = new JdbcDataSource();
    private final GatedTransactions transactions;
    private final JdbcTemplate jdbc;
    private final RowWritingBus bus;
    private final List<Integer> committedGroups = new CopyOnWriteArrayList<>();
    private final GroupCommitter committer;
    private final GroupCommitCommandBus commands;

    GroupCommitterTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE written (row_key VARCHAR(40) PRIMARY KEY, record_id VARCHAR(40) NOT NULL)");
        transactions = new GatedTransactions(database);
        bus = new RowWritingBus(transactions, jdbc);
        committer = new GroupCommitter(bus, transactions, 8, committedGroups::add);
        commands = new GroupCommitCommandBus(bus, committer);
    }

    @AfterEach
    void stop() {
        transactions.open();
        committer.close();
    }

    @Test
    void a_lone_write_is_committed_at_once_in_a_group_of_its_own() throws Exception {
        CompletableFuture<CommandResultMessage<?>> answer = send(new Write("r1", "a", false));

        assertThat(answer.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        assertThat(committedRows()).containsExactly("a");
        assertThat(committedGroups).containsExactly(1);
    }

    @Test
    void writes_that_arrive_while_a_group_commits_share_the_next_commit_and_are_acknowledged_only_after_it()
            throws Exception {
        transactions.close();
        CompletableFuture<CommandResultMessage<?>> first = send(new Write("r0", "a", false));
        transactions.awaitCommitStarted();

        List<CompletableFuture<CommandResultMessage<?>>> next = List.of(send(new Write("r1", "b", false)),
                send(new Write("r2", "c", false)), send(new Write("r3", "d", false)));

        assertThat(first).as("handled, but not committed: not acknowledged").isNotDone();
        assertThat(committedRows()).isEmpty();
        transactions.open();
        assertThat(first.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        for (CompletableFuture<CommandResultMessage<?>> answer : next) {
            assertThat(answer.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        }
        assertThat(committedGroups).containsExactly(1, 3);
        assertThat(committedRows()).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void a_write_its_rule_refuses_is_rolled_back_alone_and_only_its_caller_hears_of_it() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> group = sendAsOneGroup(new Write("r1", "b", false),
                new Write("r2", "c", true), new Write("r3", "d", false));

        assertThat(group.get(0).get().isExceptional()).isFalse();
        assertThat(group.get(1).get().exceptionResult()).isInstanceOf(RuleRefusedException.class)
                .hasMessage("refused c");
        assertThat(group.get(2).get().isExceptional()).isFalse();
        assertThat(committedRows()).as("the refused write's row was rolled back to its savepoint")
                .containsExactlyInAnyOrder("a", "b", "d");
        assertThat(committedGroups).containsExactly(1, 3);
    }

    @Test
    void a_write_that_conflicts_with_an_earlier_one_of_its_group_fails_alone() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> group = sendAsOneGroup(new Write("r1", "same", false),
                new Write("r2", "same", false), new Write("r3", "other", false));

        assertThat(group.get(0).get().isExceptional()).isFalse();
        assertThat(group.get(1).get().exceptionResult()).isInstanceOf(DuplicateKeyException.class);
        assertThat(group.get(2).get().isExceptional()).isFalse();
        assertThat(committedRows()).containsExactlyInAnyOrder("a", "same", "other");
        assertThat(jdbc.queryForObject("SELECT record_id FROM written WHERE row_key = 'same'", String.class))
                .isEqualTo("r1");
    }

    @Test
    void when_the_commit_fails_no_caller_of_the_group_is_acknowledged_and_each_may_retry() throws Exception {
        transactions.failCommitNumber(2);
        List<CompletableFuture<CommandResultMessage<?>>> group = sendAsOneGroup(new Write("r1", "b", false),
                new Write("r2", "c", true), new Write("r3", "d", false));

        Throwable failedB = group.get(0).get().exceptionResult();
        assertThat(failedB).isInstanceOf(GroupCommitFailedException.class);
        assertThat(Refusals.classify(failedB).status().value()).as("retryable: 503 with Retry-After").isEqualTo(503);
        assertThat(group.get(1).get().exceptionResult()).as("a refusal stays a refusal")
                .isInstanceOf(RuleRefusedException.class);
        assertThat(group.get(2).get().exceptionResult()).isInstanceOf(GroupCommitFailedException.class);
        assertThat(committedRows()).containsExactly("a");

        assertThat(send(new Write("r1", "b", false)).get(10, TimeUnit.SECONDS).isExceptional())
                .as("the next group commits again").isFalse();
        assertThat(committedRows()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_group_whose_transaction_cannot_begin_answers_every_caller_with_an_error() throws Exception {
        transactions.failBeginNumber(1);

        CommandResultMessage<?> answer = send(new Write("r1", "a", false)).get(10, TimeUnit.SECONDS);

        assertThat(answer.exceptionResult()).isInstanceOf(GroupCommitFailedException.class);
        assertThat(committedRows()).isEmpty();
    }

    @Test
    void two_writes_of_one_record_never_share_a_group_and_keep_their_order() throws Exception {
        List<CompletableFuture<CommandResultMessage<?>>> answers = sendAsOneGroup(new Write("r1", "b", false),
                new Write("r1", "c", false), new Write("r2", "d", false), new Write("r1", "e", false));

        for (CompletableFuture<CommandResultMessage<?>> answer : answers) {
            assertThat(answer.get().isExceptional()).isFalse();
        }
        assertThat(committedGroups).containsExactly(1, 2, 1, 1);
        assertThat(bus.handled).containsExactly("a", "b", "d", "c", "e");
    }

    @Test
    void a_write_sent_inside_an_open_transaction_joins_that_transaction_instead_of_a_group() {
        Thread caller = Thread.currentThread();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            CompletableFuture<CommandResultMessage<?>> answer = send(new Write("r1", "a", false));
            assertThat(answer).as("handled on the caller's thread, at once").isDone();
            status.setRollbackOnly();
        });

        assertThat(bus.threads).containsExactly(caller);
        assertThat(committedRows()).as("rolled back with the caller's transaction").isEmpty();
        assertThat(committedGroups).isEmpty();
    }

    @Test
    void a_write_without_a_record_id_goes_straight_to_the_bus() {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        commands.dispatch(GenericCommandMessage.asCommandMessage(new Write("r1", "a", false)),
                (command, result) -> answer.complete(result));

        assertThat(answer).isDone();
        assertThat(bus.threads).containsExactly(Thread.currentThread());
        assertThat(committedGroups).isEmpty();
    }

    @Test
    void writes_still_waiting_when_the_ledger_stops_are_committed_first() throws Exception {
        transactions.close();
        CompletableFuture<CommandResultMessage<?>> first = send(new Write("r0", "a", false));
        transactions.awaitCommitStarted();
        CompletableFuture<CommandResultMessage<?>> waiting = send(new Write("r1", "b", false));

        Thread stopping = new Thread(committer::close);
        stopping.start();
        transactions.open();
        stopping.join();

        assertThat(first.get().isExceptional()).isFalse();
        assertThat(waiting.get().isExceptional()).isFalse();
        assertThat(send(new Write("r2", "c", false)).get().exceptionResult())
                .as("after the stop nothing is taken").isInstanceOf(GroupCommitFailedException.class);
        assertThat(committedRows()).containsExactlyInAnyOrder("a", "b");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** Holds a first write ("a") in its commit, sends {@code writes} meanwhile, then lets the commits go on. */
    private List<CompletableFuture<CommandResultMessage<?>>> sendAsOneGroup(Write... writes) throws Exception {
        transactions.close();
        CompletableFuture<CommandResultMessage<?>> first = send(new Write("r0", "a", false));
        transactions.awaitCommitStarted();
        List<CompletableFuture<CommandResultMessage<?>>> answers = java.util.Arrays.stream(writes).map(this::send)
                .toList();
        transactions.open();
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        return answers;
    }

    private CompletableFuture<CommandResultMessage<?>> send(Write write) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        commands.dispatch(GenericCommandMessage.asCommandMessage(write)
                        .andMetaData(MetaData.with(CommandSender.RECORD_ID, write.recordId())),
                (command, result) -> answer.complete(result));
        return answer;
    }

    /** The rows a separate connection sees: committed ones only. */
    private List<String> committedRows() {
        return jdbc.queryForList("SELECT row_key FROM written ORDER BY row_key", String.class);
    }

    /** A command bus that handles every command on the calling thread, in a transaction of its own or the caller's. */
    static final class RowWritingBus implements CommandBus {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final TransactionTemplate unitOfWork;
        private final JdbcTemplate jdbc;

        RowWritingBus(DataSourceTransactionManager transactions, JdbcTemplate jdbc) {
            this.unitOfWork = new TransactionTemplate(transactions);
            this.jdbc = jdbc;
        }

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (c, r) -> {
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            Write write = (Write) command.getPayload();
            handled.add(write.row());
            threads.add(Thread.currentThread());
            CommandResultMessage<R> result;
            try {
                // as a command's unit of work: joins an open transaction, and marks it rollback-only when it fails
                unitOfWork.executeWithoutResult(status -> {
                    jdbc.update("INSERT INTO written (row_key, record_id) VALUES (?, ?)", write.row(),
                            write.recordId());
                    if (write.refused()) {
                        throw new RuleRefusedException("refused " + write.row());
                    }
                });
                result = GenericCommandResultMessage.asCommandResultMessage((Object) 1L);
            } catch (RuntimeException e) {
                result = GenericCommandResultMessage.asCommandResultMessage(e);
            }
            callback.onResult(command, result);
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }
    }

    /** A transaction manager whose commits can be held at a gate, and whose n-th begin or commit can fail. */
    static final class GatedTransactions extends DataSourceTransactionManager {
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile CountDownLatch commitStarted = new CountDownLatch(1);
        private volatile int failingCommit;
        private volatile int failingBegin;
        private int commits;
        private int begins;

        GatedTransactions(JdbcDataSource database) {
            super(database);
        }

        void close() {
            gate = new CountDownLatch(1);
            commitStarted = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void awaitCommitStarted() throws InterruptedException {
            assertThat(commitStarted.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void failCommitNumber(int n) {
            failingCommit = n;
        }

        void failBeginNumber(int n) {
            failingBegin = n;
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
            if (++begins == failingBegin) {
                throw new CannotCreateTransactionException("the store is unreachable (test)");
            }
            super.doBegin(transaction, definition);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commitStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (++commits == failingCommit) {
                // what a failed commit leaves: the transaction rolled back, nothing of it recorded
                super.doRollback(status);
                throw new org.springframework.transaction.TransactionSystemException("the commit failed (test)");
            }
            super.doCommit(status);
        }
    }
}
