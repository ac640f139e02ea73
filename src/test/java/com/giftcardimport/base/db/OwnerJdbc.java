package com.giftcardimport.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The test database as its owner sees it: for fixtures a test writes with SQL and for assertions about what is
 * really stored, whatever row-level security would show the application. The application itself never connects
 * this way (it is {@link EmbeddedDatabaseConfiguration#APP_ROLE}); tests of the application's own view of the data go
 * through its services, or through the application's {@code JdbcClient} inside a {@code TenantScope}.
 */
@Component
public class OwnerJdbc implements DisposableBean {

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    OwnerJdbc(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(EmbeddedDatabase.OWNER);
        config.setPassword(database.ownerPassword());
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setPoolName("test-owner");
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
    }

    public JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(sql);
    }

    public JdbcClient client() {
        return jdbc;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
