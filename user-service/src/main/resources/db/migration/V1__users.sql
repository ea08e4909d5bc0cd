-- The default user model: one row per user of a tenant. The id is the user's Keycloak id, so that every
-- service and every token names a user the same way. Tenant-owned rows are keyed by (tenant_id, id), so
-- that foreign keys between them carry the tenant too.
create table users (
    tenant_id   uuid         not null,
    id          uuid         not null,
    username    varchar(255) not null,
    email       varchar(320),
    first_name  varchar(255),
    last_name   varchar(255),
    status      varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    locale      varchar(35),
    time_zone   varchar(64),
    date_joined timestamptz  not null default now(),
    last_login  timestamptz,
    version     bigint       not null default 0,
    primary key (tenant_id, id)
);

-- Usernames and emails are unique per tenant regardless of case.
create unique index users_username_per_tenant on users (tenant_id, lower(username));
create unique index users_email_per_tenant on users (tenant_id, lower(email));
