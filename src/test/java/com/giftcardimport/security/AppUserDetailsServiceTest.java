package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class AppUserDetailsServiceTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;

    @Test
    void a_user_gets_a_role_for_each_kind_of_membership_and_platform_admins_their_own() {
        assertThat(users.loadUserByUsername("maria").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ACCOUNT_MANAGER");
        assertThat(users.loadUserByUsername("alice").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PROJECT_ADMIN");
        assertThat(users.loadUserByUsername("root").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PLATFORM_ADMIN");
    }

    @Test
    void logging_in_many_times_keeps_no_database_connection() {
        int poolSize = ((HikariDataSource) dataSource).getMaximumPoolSize();
        int before = ((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections();

        for (int i = 0; i < poolSize * 2; i++) {
            users.loadUserByUsername("alice");
        }

        assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isLessThanOrEqualTo(before);
    }
}
