-- Indexes that row-level security lets PostgreSQL use (docs/performance.md, "Row-level security and indexes").
--
-- Under a policy, PostgreSQL evaluates the policy's condition before any condition of the query that is not
-- LEAKPROOF, and a condition it may not evaluate first cannot be an index condition either. The trigram
-- search (LIKE, pg_trgm's <%) and the attribute filter (jsonb @>) are not leakproof, so under row-level
-- security their GIN indexes were never used: every search read all of the tenant's rows (226 ms at 10,000
-- users, where the index takes 5). Two functions look the matches up instead, as the owner of the tables,
-- which bypasses row-level security (the role needs BYPASSRLS, granted when it is created; without it the
-- functions still answer right, only without the index). They take the tenant from the transaction, as the
-- policies do, never from an argument, and answer ids only; the query that uses them reads the users
-- themselves under the policies as before.

create function users_matching(pattern text, term text) returns setof uuid
    language plpgsql stable security definer rows 100
    set search_path = public, pg_temp
    as $$
begin
    -- the expression of the trigram index users_search, spelled exactly as the index spells it
    return query
    select u.id from users u
    where u.tenant_id = current_tenant() and u.deleted_at is null
      and (f_unaccent(lower(u.username || ' ' || coalesce(u.email, '') || ' ' || coalesce(u.first_name, '') || ' '
                            || coalesce(u.last_name, ''))) like f_unaccent(lower(pattern)) escape '\'
           or f_unaccent(lower(term)) <% f_unaccent(lower(u.username || ' ' || coalesce(u.email, '') || ' '
                                                          || coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))));
end $$;

create function users_with_attributes(document jsonb) returns setof uuid
    language plpgsql stable security definer rows 100
    set search_path = public, pg_temp
    as $$
begin
    -- served by the GIN index users_attributes (jsonb_path_ops)
    return query
    select u.id from users u
    where u.tenant_id = current_tenant() and u.deleted_at is null and u.attributes @> document;
end $$;

revoke all on function users_matching(text, text), users_with_attributes(jsonb) from public;
grant execute on function users_matching(text, text), users_with_attributes(jsonb) to ${app_role};

-- Pages by username: the search sorts by username itself (stored lower-case), which the index on
-- lower(username) cannot give; this one can, so that page 1 and page 500 both read 20 index entries.
drop index users_by_username;
create index users_by_username on users (tenant_id, username, id) where deleted_at is null;

-- JOINED inheritance joins a subclass table on the user's id alone (the id is the entity's key; the tenant is
-- not part of it), so each subclass table gets an index on id: a page of 20 looks up 20 rows in each instead
-- of hashing all of them.
create unique index customers_by_id on customers (id);
create unique index staff_members_by_id on staff_members (id);
create unique index partner_contacts_by_id on partner_contacts (id);
