package com.giftcardimport.base;

import com.giftcardimport.base.db.EmbeddedDatabase;
import com.giftcardimport.base.db.NoExternalDatabaseCondition;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * SPEC §10: while the demo data exists (well-known passwords and API tokens, on the embedded default only), the
 * server listens on the loopback address only, unless {@code server.address} is given explicitly; it says so in the
 * log at start. The demo data "exists" while a demo login still accepts the demo password or a demo API token is
 * not revoked, and is about to exist on a first start with demo data enabled.
 */
@Component
@Conditional(NoExternalDatabaseCondition.class)
class LoopbackWhileDemoData implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(LoopbackWhileDemoData.class);

    private final Environment environment;
    private final EmbeddedDatabase database;
    private final PasswordEncoder passwords;
    private final boolean demoEnabled;

    LoopbackWhileDemoData(Environment environment, EmbeddedDatabase database, PasswordEncoder passwords,
                          @Value("${app.demo-data.enabled:true}") boolean demoEnabled) {
        this.environment = environment;
        this.database = database;
        this.passwords = passwords;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (environment.containsProperty("server.address")) {
            return;
        }
        String why = demoDataPresent();
        if (why == null) {
            return;
        }
        factory.setAddress(InetAddress.getLoopbackAddress());
        log.warn("Listening on {} only: {}. Anyone who reaches the server could log in with them. Set server.address "
                        + "(e.g. 0.0.0.0) to listen on other addresses anyway, or remove the demo logins and tokens "
                        + "(docs/deployment.md)", InetAddress.getLoopbackAddress().getHostAddress(), why);
    }

    /** Why the demo data counts as present, or {@code null} when it does not. */
    String demoDataPresent() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER,
                database.ownerPassword());
             Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from app_user")) {
                return demoEnabled ? "the demo data with its well-known passwords is created on this first start"
                        : null;
            }
            try (ResultSet users = statement.executeQuery("select password_hash from app_user where username in "
                    + "('root', 'alice', 'bob', 'maria')")) {
                while (users.next()) {
                    if (passwords.matches(DemoData.PASSWORD, users.getString(1))) {
                        return "a demo login still has the well-known demo password";
                    }
                }
            }
            if (exists(statement, "select 1 from api_token where token_prefix like 'gci\\_demo\\_%' "
                    + "and revoked_at is null")) {
                return "a demo API token with a published secret is still active";
            }
            return null;
        } catch (SQLException e) {
            // no schema yet: the first start, before the migration
            return demoEnabled ? "the demo data with its well-known passwords is created on this first start" : null;
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select exists (" + query + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
