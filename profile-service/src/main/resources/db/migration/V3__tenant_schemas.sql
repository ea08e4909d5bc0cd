-- Profiles move into a schema per tenant (db/tenant). The public schema keeps only what is about every
-- tenant: which schema belongs to which tenant. The profiles of the walking skeleton were created empty on
-- first call; they are dropped, and the first call in the tenant's schema creates them again.
drop table profiles;

create table tenant_schemas (
    tenant_id   uuid        primary key,
    slug        varchar(255) not null,
    schema_name varchar(63) not null unique check (schema_name ~ '^tenant_[a-z0-9_]+$'),
    created_at  timestamptz not null default now()
);
