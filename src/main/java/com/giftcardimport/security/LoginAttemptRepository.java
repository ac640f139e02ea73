package com.giftcardimport.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of login attempts ({@code login_attempt}), kept {@code app.login.attempts-kept} (90 days). */
@Repository
class LoginAttemptRepository {

    private final JdbcClient jdbc;
    private final Duration kept;

    LoginAttemptRepository(JdbcClient jdbc, @Value("${app.login.attempts-kept:90d}") Duration kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    /** Records an attempt in a transaction of its own: a failed login rolls nothing of it back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String address, LoginAttempt.Outcome outcome) {
        String typed = username == null ? "" : username;
        jdbc.sql("insert into login_attempt (username, address, outcome) values (?, ?, ?)")
                .params(typed.length() > 100 ? typed.substring(0, 100) : typed,
                        address == null ? "" : address, outcome.name())
                .update();
    }

    List<LoginAttempt> newest(int limit) {
        return jdbc.sql("""
                        select username, address, attempted_at, outcome from login_attempt
                         order by attempted_at desc, id desc limit ?
                        """)
                .param(limit)
                .query((rs, n) -> new LoginAttempt(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), LoginAttempt.Outcome.valueOf(rs.getString(4))))
                .list();
    }

    @Scheduled(fixedDelayString = "${app.login.attempts-sweep-interval:1h}")
    @Transactional
    public void forgetOld() {
        jdbc.sql("delete from login_attempt where attempted_at < ?")
                .param(Timestamp.from(Instant.now().minus(kept))).update();
    }
}
