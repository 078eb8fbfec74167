package coop.ledger.shared.write;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Stores the result of a command sent with an Idempotency-Key inside the command's own transaction, so the key
 * is remembered exactly when the events are: a retried write is answered from here and never recorded twice.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyInterceptor(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(CommandSender.IDEMPOTENCY_KEY);
        if (key != null) {
            long version = result instanceof Long v ? v : 1L;
            jdbc.update("INSERT INTO idempotency_key (idem_key, request_hash, record_id, version, created_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    key, command.getMetaData().get(CommandSender.REQUEST_HASH),
                    command.getMetaData().get(CommandSender.RECORD_ID), version, Timestamp.from(clock.instant()));
        }
        return result;
    }
}
