-- Indexes that row-level security lets PostgreSQL use (docs/performance.md, "Row-level security and indexes").
--
-- Under a policy, PostgreSQL evaluates the policy's condition before any condition of the query that is not
-- LEAKPROOF, and a condition it may not evaluate first cannot be an index condition either. The trigram
-- search (LIKE, pg_trgm's <%) and the attribute filter (jsonb @>) are not leakproof, so under row-level
-- security their GIN indexes were never used: every search read all of the tenant's rows (226 ms at 10,000
-- users, where the index takes under 1). Two functions look the matches up instead, as the owner of the
-- tables, which bypasses row-level security (the role needs BYPASSRLS, granted when it is created; without it
-- the functions still answer right, only without the index). They take the tenant from the transaction, as
-- the policies do, never from an argument, and answer ids only; the query that uses them reads the users
-- themselves under the policies as before.

-- The text the search looks in, folded once when a user is written rather than for every row a search
-- checks: a stored generated column (Django's GeneratedField(db_persist=True)), which the entity does not map.
alter table users add column search_text text not null generated always as (
    f_unaccent(lower(username || ' ' || coalesce(email, '') || ' ' || coalesce(first_name, '') || ' '
                     || coalesce(last_name, '')))) stored;
drop index users_search;
create index users_search on users using gin (search_text gin_trgm_ops);

-- The two ways of matching as two queries, each of which the index serves on its own: as one query with OR,
-- the planner may price a bitmap of both index scans above reading the tenant's rows through its key and
-- filtering them, and the filter then computes a word similarity for every row. A generic plan, made once per
-- connection: a custom plan would be made for every call, and estimating the trigram conditions for each term
-- costs more than running them.
create function users_matching(pattern text, term text) returns setof uuid
    language plpgsql stable security definer rows 100
    set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
    as $$
begin
    return query
    select u.id from users u
    where u.search_text like f_unaccent(lower(pattern)) escape '\' and u.tenant_id = current_tenant()
      and u.deleted_at is null
    union
    select u.id from users u
    where f_unaccent(lower(term)) <% u.search_text and u.tenant_id = current_tenant() and u.deleted_at is null;
end $$;

create function users_with_attributes(document jsonb) returns setof uuid
    language plpgsql stable security definer rows 100
    set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
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
