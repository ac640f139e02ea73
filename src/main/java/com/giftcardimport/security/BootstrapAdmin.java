package com.giftcardimport.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On an external database there is no demo data, so the first platform admin comes from configuration:
 * when {@code app.bootstrap-admin.password} is set and the database has no user yet, a platform admin named
 * {@code app.bootstrap-admin.username} (default {@code admin}) is created. It runs after the demo data.
 */
@Component
@Order(10)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final String username;
    private final String password;

    BootstrapAdmin(UserAccountRepository users, PasswordEncoder passwordEncoder,
                   @Value("${app.bootstrap-admin.username:admin}") String username,
                   @Value("${app.bootstrap-admin.password:${GCI_BOOTSTRAP_ADMIN_PASSWORD:}}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(password) && !users.existsAny()) {
            users.create(username, "Platform admin", passwordEncoder.encode(password), true);
            log.info("Created the first platform admin '{}'", username);
        }
    }
}
