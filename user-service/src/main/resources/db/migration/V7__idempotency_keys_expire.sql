-- Idempotency keys as the IETF Idempotency-Key draft describes them (docs/users.md, "Idempotency"): a key
-- expires after a retention, and a claim whose request died is released after a bound, so that the retry runs.
-- Each claim names its claimant: a request whose claim was released cannot record its answer over the retry's.
alter table idempotency_keys add column claimed_by uuid;
create index idempotency_keys_by_age on idempotency_keys (created_at);

-- Expired keys of every tenant, removed a batch at a time by a job that runs for no tenant: as the owner of
-- the table, which bypasses row-level security (BYPASSRLS, granted when the role is created, as for V5).
create function purge_idempotency_keys(retention interval, most integer) returns integer
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

revoke all on function purge_idempotency_keys(interval, integer) from public;
grant execute on function purge_idempotency_keys(interval, integer) to ${app_role};
