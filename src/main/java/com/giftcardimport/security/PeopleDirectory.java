package com.giftcardimport.security;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People by id, as other modules show them (e.g. the "launched by" choices of the import list). No access check of
 * its own: callers are services that checked the caller and pass only ids they found in the caller's projects.
 */
@Component
public class PeopleDirectory {

    /** A person's id and display name. */
    public record Person(UserId id, String displayName) {
    }

    private final JdbcClient jdbc;

    PeopleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The people with these ids, by display name (then id). */
    public List<Person> byName(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, display_name from app_user where id = any (?) order by display_name, id")
                .param(ids.stream().map(UserId::value).distinct().toArray(Long[]::new))
                .query((rs, n) -> new Person(new UserId(rs.getLong(1)), rs.getString(2)))
                .list();
    }
}
