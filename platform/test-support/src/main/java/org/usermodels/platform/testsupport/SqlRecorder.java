package org.usermodels.platform.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements an application sent, in order, as executed (a batch counts once). Installed by
 * {@link RecordSql}; it wraps the application's {@link DataSource} with datasource-proxy.
 */
public final class SqlRecorder implements QueryExecutionListener {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<Execution> executions = new CopyOnWriteArrayList<>();

    /**
     * One trip to the database: a statement, and for a JDBC batch how many sets of parameters went with it (a
     * batch of 50 inserts is one execution, and one entry of {@link #statements()}).
     */
    public record Execution(String statement, boolean batch, int batchSize) {}

    /** Forgets what was recorded so far: call it right before the code under measurement. */
    public void clear() {
        statements.clear();
        executions.clear();
    }

    /** The executions recorded since the last {@link #clear()}, with their batch sizes. */
    public List<Execution> executions() {
        return List.copyOf(executions);
    }

    /** The statements recorded since the last {@link #clear()}. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    public int count() {
        return statements.size();
    }

    /** Runs {@code work} and answers its result with the statements it sent, and nothing sent before it. */
    public <T> Recorded<T> record(Supplier<T> work) {
        clear();
        var result = work.get();
        return new Recorded<>(result, statements());
    }

    /** What {@link #record(Supplier)} saw: the work's result and its statements, in order. */
    public record Recorded<T>(T result, List<String> statements) {}

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        for (var query : queries) {
            statements.add(query.getQuery());
            executions.add(new Execution(query.getQuery(), execution.isBatch(), execution.getBatchSize()));
        }
    }

    BeanPostProcessor dataSourceWrapper() {
        var recorder = this;
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource
                        && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name(beanName)
                            .listener(recorder)
                            .build();
                }
                return bean;
            }
        };
    }
}
