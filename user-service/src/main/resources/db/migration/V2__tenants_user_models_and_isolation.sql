-- Tenants, the three user models (default, custom, multi-type), groups and permissions, the outbox, and
-- the row-level security that keeps tenants apart in this shared schema.
-- docs/shared-schema-tenancy.md explains the isolation, docs/users.md the models.

create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index; this wrapper
-- pins the dictionary and is declared IMMUTABLE, the usual way to index accent-insensitive text.
create function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The tenant of the current transaction, set by the service with set_config('app.tenant_id', ?, true).
-- NULL when none is set, which makes every policy below match no row.
create function current_tenant() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- ---------------------------------------------------------------------------------------------------
-- Tenants: the registry itself is not tenant-owned (platform administrators list it).
create table tenants (
    id                   uuid         primary key,
    slug                 varchar(40)  not null unique,
    display_name         varchar(200) not null,
    status               varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    user_types           varchar(16)[] not null default '{user}'
                         check (user_types <@ array['user', 'customer', 'staff', 'partner']::varchar(16)[]
                                and cardinality(user_types) > 0),
    creation_fingerprint varchar(64),
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0
);

-- A hand-written data migration: users enrolled before tenants had a table of their own belong to
-- tenants this service has never seen by name. They get a placeholder slug, which the tenant's next
-- request replaces with its organization alias.
insert into tenants (id, slug, display_name)
select distinct tenant_id, 'tenant-' || left(tenant_id::text, 8), 'tenant-' || left(tenant_id::text, 8)
from users;

-- ---------------------------------------------------------------------------------------------------
-- The default user model gains its type (for the multi-type model), custom attributes (the custom
-- model) and soft deletion.
alter table users
    add column type           varchar(16) not null default 'user'
                              check (type in ('user', 'customer', 'staff', 'partner')),
    add column attributes     jsonb       not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    add column deleted_at     timestamptz,
    add column event_sequence bigint      not null default 0,
    add constraint users_tenant foreign key (tenant_id) references tenants (id);

-- A deleted user's username and email may be taken again.
drop index users_username_per_tenant;
drop index users_email_per_tenant;
create unique index users_username_per_tenant on users (tenant_id, lower(username)) where deleted_at is null;
create unique index users_email_per_tenant on users (tenant_id, lower(email)) where deleted_at is null;

-- Search: accent- and case-insensitive prefix and fuzzy matching (pg_trgm) over names and addresses.
create index users_search on users using gin (
    f_unaccent(lower(username || ' ' || coalesce(email, '') || ' ' || coalesce(first_name, '') || ' '
                     || coalesce(last_name, ''))) gin_trgm_ops);
-- Filtering on custom attributes: attributes @> '{"clearance": 3}' uses this index.
create index users_attributes on users using gin (attributes jsonb_path_ops);
-- Keyset pagination in each sort order.
create index users_by_username on users (tenant_id, lower(username), id) where deleted_at is null;
create index users_by_date_joined on users (tenant_id, date_joined, id) where deleted_at is null;
create index users_by_last_name on users (tenant_id, lower(last_name), id) where deleted_at is null;

-- ---------------------------------------------------------------------------------------------------
-- The multi-type model: one table per subclass, joined to users on its key (JOINED inheritance).
-- Hibernate writes only the id into a subclass table; tenant_id is filled from the transaction's tenant.
create table customers (
    tenant_id            uuid        not null default current_tenant(),
    id                   uuid        not null,
    customer_number      varchar(20) not null,
    loyalty_tier         varchar(8)  not null default 'BRONZE' check (loyalty_tier in ('BRONZE', 'SILVER', 'GOLD')),
    marketing_consent    boolean     not null default false,
    marketing_consent_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, id) references users (tenant_id, id) on delete cascade,
    constraint customers_number_per_tenant unique (tenant_id, customer_number),
    constraint customers_consent_time check (marketing_consent = (marketing_consent_at is not null))
);

create table staff_members (
    tenant_id       uuid         not null default current_tenant(),
    id              uuid         not null,
    employee_number varchar(40)  not null,
    department      varchar(100),
    job_title       varchar(100),
    hire_date       date         not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, id) references users (tenant_id, id) on delete cascade,
    constraint staff_employee_number_per_tenant unique (tenant_id, employee_number)
);

create table partner_contacts (
    tenant_id               uuid         not null default current_tenant(),
    id                      uuid         not null,
    company_name            varchar(200) not null,
    company_registration_id varchar(64),
    partner_tier            varchar(16)  not null default 'REGISTERED'
                            check (partner_tier in ('REGISTERED', 'SELECT', 'PREMIER')),
    primary key (tenant_id, id),
    foreign key (tenant_id, id) references users (tenant_id, id) on delete cascade
);

-- Per-tenant counters, e.g. the next customer number: gapless and safe under concurrency, because the
-- increment happens in one UPDATE that locks the counter's row.
create table tenant_counters (
    tenant_id uuid        not null default current_tenant() references tenants (id),
    name      varchar(40) not null,
    value     bigint      not null,
    primary key (tenant_id, name)
);

-- ---------------------------------------------------------------------------------------------------
-- Groups and permissions (the default model's auth part).
create table groups (
    tenant_id  uuid         not null references tenants (id),
    id         uuid         not null,
    name       varchar(100) not null,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0,
    primary key (tenant_id, id)
);
create unique index groups_name_per_tenant on groups (tenant_id, lower(name));

create table group_members (
    tenant_id uuid not null default current_tenant(),
    group_id  uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, group_id, user_id),
    foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index group_members_by_user on group_members (tenant_id, user_id);

-- The catalog of permission codes is the same for every tenant.
create table permissions (
    code        varchar(64) primary key check (code ~ '^[a-z]+\.[a-z_]+$'),
    description text        not null
);
insert into permissions (code, description) values
    ('users.view', 'Read every user of the tenant, search them and see statistics'),
    ('users.manage', 'Create, change and delete users of the tenant'),
    ('groups.manage', 'Create, rename and delete groups, change their members and permissions'),
    ('attributes.manage', 'Define the tenant''s custom user attributes'),
    ('profile.read_any', 'Read every profile of the tenant'),
    ('profile.edit_any', 'Change every profile of the tenant');

create table group_permissions (
    tenant_id       uuid        not null default current_tenant(),
    group_id        uuid        not null,
    permission_code varchar(64) not null references permissions (code),
    primary key (tenant_id, group_id, permission_code),
    foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade
);

create table user_permissions (
    tenant_id       uuid        not null default current_tenant(),
    user_id         uuid        not null,
    permission_code varchar(64) not null references permissions (code),
    primary key (tenant_id, user_id, permission_code),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);

-- ---------------------------------------------------------------------------------------------------
-- The custom model: each tenant defines the attributes its users carry in users.attributes.
create table attribute_definitions (
    tenant_id     uuid         not null references tenants (id),
    name          varchar(40)  not null check (name ~ '^[a-z][a-zA-Z0-9_]{0,39}$'),
    type          varchar(16)  not null
                  check (type in ('string', 'integer', 'decimal', 'boolean', 'date', 'enum', 'email', 'phone')),
    required      boolean      not null default false,
    unique_values boolean      not null default false,
    searchable    boolean      not null default false,
    min_value     numeric,
    max_value     numeric,
    max_length    integer      check (max_length > 0),
    pattern       varchar(500),
    enum_values   varchar(100)[],
    position      integer      not null,
    primary key (tenant_id, name)
);

-- ---------------------------------------------------------------------------------------------------
-- Idempotency keys of creating requests: the first response is kept and replayed.
create table idempotency_keys (
    tenant_id           uuid         not null default current_tenant(),
    key                 varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    response_status     integer      not null,
    response_location   varchar(500),
    response_body       jsonb        not null,
    created_at          timestamptz  not null default now(),
    primary key (tenant_id, key)
);

-- The transactional outbox: events written in the same transaction as the change they describe, with a
-- sequence number per aggregate (user or tenant), delivered later by a relay.
create table outbox_events (
    id           uuid        primary key,
    tenant_id    uuid        not null,
    aggregate_id uuid        not null,
    sequence     bigint      not null,
    type         varchar(40) not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null default now(),
    published_at timestamptz,
    unique (tenant_id, aggregate_id, sequence)
);
create index outbox_unpublished on outbox_events (occurred_at) where published_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Row-level security: every tenant-owned table shows and accepts only the rows of the transaction's
-- tenant. FORCE makes it apply to the tables' owner too; the application role owns nothing anyway.
do $$
declare
    tenant_owned text[] := array['users', 'customers', 'staff_members', 'partner_contacts', 'tenant_counters',
                                 'groups', 'group_members', 'group_permissions', 'user_permissions',
                                 'attribute_definitions', 'idempotency_keys', 'outbox_events'];
    t text;
begin
    foreach t in array tenant_owned loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant())'
                       ' with check (tenant_id = current_tenant())', t);
    end loop;
end $$;

-- The outbox relay delivers the events of every tenant: it marks its transactions with app.outbox_relay.
create policy outbox_relay on outbox_events
    using (current_setting('app.outbox_relay', true) = 'on')
    with check (current_setting('app.outbox_relay', true) = 'on');

-- ---------------------------------------------------------------------------------------------------
-- The application role may read and write rows; it owns nothing, so it can neither change the schema nor
-- escape the policies.
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant execute on function current_tenant(), f_unaccent(text) to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
