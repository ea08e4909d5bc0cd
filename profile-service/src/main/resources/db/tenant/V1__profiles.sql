-- One tenant's profiles, in the tenant's own schema (${flyway:defaultSchema}). Every tenant schema is migrated
-- with these scripts, at start-up and when the tenant is created (docs/schema-per-tenant.md).

-- One profile per user, keyed by the user's id: a shared primary key with user-service's user. All kinds
-- share this table (SINGLE_TABLE inheritance); a CHECK per kind keeps the other kinds' columns empty.
create table profiles (
    user_id                   uuid          primary key,
    kind                      varchar(16)   not null check (kind in ('basic', 'customer', 'staff', 'partner')),
    display_name              varchar(100),
    bio                       varchar(2000),
    avatar_url                varchar(2048),
    website                   varchar(2048),
    -- customer
    preferred_language        varchar(35),
    communication_preferences varchar(16)[],
    -- staff
    department                varchar(100),
    title                     varchar(100),
    office_location           varchar(100),
    manager_id                uuid          references profiles (user_id) on delete set null,
    -- partner
    company_website           varchar(2048),
    contact_preferences       varchar(16)[],
    created_at                timestamptz   not null default now(),
    version                   bigint        not null default 0,
    constraint customer_columns check (kind = 'customer'
        or (preferred_language is null and communication_preferences is null)),
    constraint staff_columns check (kind = 'staff'
        or (department is null and title is null and office_location is null and manager_id is null)),
    constraint partner_columns check (kind = 'partner'
        or (company_website is null and contact_preferences is null)),
    constraint not_own_manager check (manager_id <> user_id)
);
create index profiles_by_manager on profiles (manager_id);
create index profiles_by_department on profiles (lower(department)) where kind = 'staff';

-- Addresses: one-to-many, at most one primary per profile (a partial unique index).
create table addresses (
    id          uuid          primary key,
    profile_id  uuid          not null references profiles (user_id) on delete cascade,
    label       varchar(50),
    line1       varchar(200)  not null,
    line2       varchar(200),
    city        varchar(100)  not null,
    postal_code varchar(20),
    region      varchar(100),
    country     varchar(2)    not null check (country ~ '^[A-Z]{2}$'),
    phone       varchar(20)   check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    is_primary  boolean       not null default false,
    created_at  timestamptz   not null default now(),
    version     bigint        not null default 0
);
create index addresses_by_profile on addresses (profile_id);
create unique index addresses_one_primary on addresses (profile_id) where is_primary;

-- Skills: many-to-many between staff profiles and a catalog, with a level on the association.
create table skills (
    id   uuid         primary key,
    name varchar(100) not null
);
create unique index skills_name on skills (lower(name));

create table profile_skills (
    profile_id uuid     not null references profiles (user_id) on delete cascade,
    skill_id   uuid     not null references skills (id) on delete cascade,
    level      smallint not null check (level between 1 and 5),
    primary key (profile_id, skill_id)
);
create index profile_skills_by_skill on profile_skills (skill_id, level);

-- The event intake: which events were applied (idempotency by id), how far each user's events have been
-- applied (order per user), and events that arrived before their predecessors.
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null default now()
);

create table event_positions (
    aggregate_id  uuid   primary key,
    last_sequence bigint not null
);

create table pending_events (
    event_id     uuid        primary key,
    aggregate_id uuid        not null,
    sequence     bigint      not null,
    event        jsonb       not null,
    received_at  timestamptz not null default now(),
    unique (aggregate_id, sequence)
);

grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${app_role};
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${app_role};
