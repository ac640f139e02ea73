package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void more_people_logging_in_at_once_than_the_pool_has_connections_all_get_in_at_once() throws Exception {
        int people = ((HikariDataSource) dataSource).getMaximumPoolSize() * 3;
        CyclicBarrier together = new CyclicBarrier(people);
        List<Future<Integer>> logins = new ArrayList<>();
        long start = System.nanoTime();
        try (var threads = Executors.newFixedThreadPool(people)) {
            for (int i = 0; i < people; i++) {
                logins.add(threads.submit(() -> {
                    together.await();
                    int done = 0;
                    for (int n = 0; n < 20; n++) {
                        users.loadUserByUsername("maria");
                        done++;
                    }
                    return done;
                }));
            }
            for (var login : logins) {
                // a pool deadlock would hold every login until the pool's 30 s timeout, then fail them
                assertThat(login.get(25, TimeUnit.SECONDS)).isEqualTo(20);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
    }
}
