-- At most one primary address per profile, checked when the transaction commits rather than at each
-- statement. A profile demotes its old primary address and adds the new one in one change, and Hibernate
-- flushes inserts before updates: an immediate check would see two primary addresses in between
-- (docs/model-classes.md). A unique index cannot be deferred; an exclusion constraint can, and with
-- equality on a b-tree it states the same rule.
drop index addresses_one_primary;
alter table addresses
    add constraint addresses_one_primary
        exclude using btree (profile_id with =) where (is_primary)
        deferrable initially deferred;
