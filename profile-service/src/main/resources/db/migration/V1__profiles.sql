-- One profile per user of a tenant, keyed by the user's id (shared with user-service): the profile has no
-- id of its own. The tenant is part of the key, as in user-service, since one Keycloak user may belong to
-- several tenants.
create table profiles (
    tenant_id    uuid          not null,
    user_id      uuid          not null,
    display_name varchar(100),
    bio          varchar(2000),
    avatar_url   varchar(2048),
    website      varchar(2048),
    created_at   timestamptz   not null default now(),
    version      bigint        not null default 0,
    primary key (tenant_id, user_id)
);
