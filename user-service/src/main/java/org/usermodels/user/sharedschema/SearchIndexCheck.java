package org.usermodels.user.sharedschema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells an operator at start-up when the search cannot use its indexes: the functions of migration V5 read
 * them past row-level security only if their owner (the migration role) has {@code BYPASSRLS}. Without it the
 * answers stay right, and every search reads all of the tenant's users.
 */
@Component
class SearchIndexCheck {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexCheck.class);

    private final JdbcTemplate jdbc;

    SearchIndexCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnUnlessTheSearchFunctionsBypassRowLevelSecurity() {
        var owners = jdbc.queryForList("""
                select r.rolname from pg_proc p join pg_roles r on r.oid = p.proowner
                where p.proname in ('users_matching', 'users_with_attributes') and not r.rolbypassrls
                """, String.class);
        if (!owners.isEmpty()) {
            log.warn(
                    "The search functions' owner {} lacks BYPASSRLS: searches and attribute filters will read every"
                            + " user of the tenant instead of their indexes. Grant it with: alter role {} bypassrls"
                            + " (docs/performance.md).",
                    owners.getFirst(),
                    owners.getFirst());
        }
    }
}
