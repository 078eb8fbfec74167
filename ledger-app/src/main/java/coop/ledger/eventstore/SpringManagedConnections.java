package coop.ledger.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections Axon's event and token stores write through, taken from Spring's transaction when one is open.
 * <p>
 * Axon's own {@code SpringDataSourceConnectionProvider} leaves a Spring-managed connection's commit to Spring, but
 * not its rollback: a unit of work that rolls back calls {@code rollback()} on the connection itself, which throws
 * away the whole physical transaction. When a command's unit of work is the transaction, that is the same thing;
 * when it joins a larger one (an import batch, whose rows each run after a savepoint), it would also undo every
 * other row of the batch and invalidate its savepoints. Here both commit and rollback of a Spring-managed
 * connection are Spring's: the joined transaction is marked rollback-only by Spring's transaction manager, and
 * whoever opened it decides (the importer rolls back to the row's savepoint). Connections outside a Spring
 * transaction commit and roll back themselves, as before.
 */
public final class SpringManagedConnections implements ConnectionProvider {

    private final DataSource dataSource;

    public SpringManagedConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        boolean managed = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    boolean noArgs = args == null || args.length == 0;
                    if (name.equals("close") && noArgs) {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                        return null;
                    }
                    if (managed && noArgs && (name.equals("commit") || name.equals("rollback"))) {
                        return null;
                    }
                    if (name.equals("equals") && args != null && args.length == 1) {
                        return proxy == args[0];
                    }
                    if (name.equals("hashCode") && noArgs) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
