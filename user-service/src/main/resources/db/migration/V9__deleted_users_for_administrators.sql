-- A platform administrator lists a tenant's deleted users, the most recently deleted first, a page at a time,
-- and may restore one (docs/repositories.md, "Deleted users, for administrators"). A partial index holds the
-- deleted rows alone, in the list's order, so the list reads only its page and no live user pays for it: the
-- live users' indexes are partial the other way (where deleted_at is null).
create index users_deleted on users (tenant_id, deleted_at desc, id desc) where deleted_at is not null;
