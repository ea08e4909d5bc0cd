-- The functions that read the tables as their owner, past row-level security, for what a policy keeps an index from
-- serving (V5: the search) or for every tenant at once (V7: expired idempotency keys). They are code, changed when the
-- queries are tuned, so they live here, re-created as a whole: Flyway runs a repeatable migration again whenever its
-- text changes, after the versioned ones (docs/migrations.md, "Repeatable migrations"). A change of a function's
-- arguments or result is a new versioned migration that drops the old one: create or replace keeps only the body new.
-- Each takes the tenant from the transaction, as the policies do, never from an argument.

create or replace function users_matching(pattern text, term text) returns setof uuid
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

create or replace function users_with_attributes(document jsonb) returns setof uuid
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

create or replace function purge_idempotency_keys(retention interval, most integer) returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    purged integer;
begin
    delete from idempotency_keys
    where (tenant_id, key) in (
        select tenant_id, key from idempotency_keys where created_at < now() - retention limit most);
    get diagnostics purged = row_count;
    return purged;
end $$;

revoke all on function users_matching(text, text), users_with_attributes(jsonb),
    purge_idempotency_keys(interval, integer) from public;
grant execute on function users_matching(text, text), users_with_attributes(jsonb),
    purge_idempotency_keys(interval, integer) to ${app_role};
