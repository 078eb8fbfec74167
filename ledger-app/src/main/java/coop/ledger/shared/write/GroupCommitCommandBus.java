package coop.ledger.shared.write;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The command gateway's way to the command bus when group commit is on: a write of one record, sent by a caller that
 * is not already inside a transaction, is handed to the {@link GroupCommitter} and committed together with the
 * writes that arrive with it. Everything else goes straight to the bus, as before: a command without a record id
 * (not sent through {@link CommandSender}), a command sent from a handler (inside a unit of work), and a command
 * sent inside an open transaction (an import batch: its rows must join that batch).
 */
public final class GroupCommitCommandBus implements CommandBus {

    private final CommandBus commandBus;
    private final GroupCommitter committer;

    public GroupCommitCommandBus(CommandBus commandBus, GroupCommitter committer) {
        this.commandBus = commandBus;
        this.committer = committer;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, NoOpCallback.INSTANCE);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        Object recordId = command.getMetaData().get(CommandSender.RECORD_ID);
        if (recordId == null || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive() || committer.isCommitterThread()) {
            commandBus.dispatch(command, callback);
            return;
        }
        committer.submit(command, recordId.toString(), callback);
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return commandBus.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return commandBus.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return commandBus.registerDispatchInterceptor(interceptor);
    }
}
