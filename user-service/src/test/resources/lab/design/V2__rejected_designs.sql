-- Designs user-service does not use, in the lab's scratch schema, kept to provoke what they let through next to
-- what the service's own tables refuse (DesignPitfallsIT; docs/database-design.md, "Patterns, and what each
-- costs"). Each is tenant-owned like the service's tables: the tenant of the transaction fills tenant_id, and
-- row-level security shows and accepts only that tenant's rows.

-- Soft deletion under a unique index on every row: a deleted user's email stays taken.
create table users_unique_forever (
    tenant_id  uuid         not null default public.current_tenant(),
    id         uuid         not null,
    username   varchar(255) not null,
    email      varchar(320),
    deleted_at timestamptz,
    primary key (tenant_id, id)
);
create unique index users_unique_forever_email on users_unique_forever (tenant_id, lower(email));

-- A status as text with no constraint: any string is a status.
create table users_unchecked_status (
    tenant_id uuid        not null default public.current_tenant(),
    id        uuid        not null,
    status    varchar(16) not null default 'ACTIVE',
    primary key (tenant_id, id)
);

-- Ids unique across tenants, and a foreign key on the id alone: it says that the account exists, not whose.
create table accounts (
    tenant_id uuid not null default public.current_tenant(),
    id        uuid primary key
);
create table account_groups (
    tenant_id  uuid         not null default public.current_tenant(),
    group_name varchar(100) not null,
    account_id uuid         not null references accounts (id),
    primary key (tenant_id, group_name, account_id)
);

do $$
declare
    t text;
begin
    foreach t in array array['users_unique_forever', 'users_unchecked_status', 'accounts', 'account_groups'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = public.current_tenant())'
                       ' with check (tenant_id = public.current_tenant())', t);
    end loop;
end $$;

grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${app_role};
