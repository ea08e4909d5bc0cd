-- The lab's scratch schema (${flyway:defaultSchema}), beside user-service's own: the same custom model stored
-- three ways, for one tenant, so that StorageLayoutsIT can write, filter and weigh them side by side
-- (docs/database-design.md, "Three ways to store a custom model"). The model is the tenant's five attributes:
-- badgeId (string), costCentre (one of eight), clearance (1 to 5), remote (boolean) and startDate (date);
-- costCentre and clearance are searchable. Each layout holds the values only, not the users themselves.

-- (a) Columns: a table per tenant's model, one typed column per attribute, an index per searchable one.
create table acme_user_attributes (
    user_id     uuid        primary key,
    badge_id    varchar(6)  not null,
    cost_centre varchar(16) not null
                check (cost_centre in ('R&D', 'Sales', 'Ops', 'Legal', 'Finance', 'HR', 'Support', 'Marketing')),
    clearance   smallint    not null check (clearance between 1 and 5),
    remote      boolean     not null,
    start_date  date        not null
);
create index acme_user_attributes_cost_centre on acme_user_attributes (cost_centre);
create index acme_user_attributes_clearance on acme_user_attributes (clearance);

-- (b) EAV: a row per user and attribute, the value in the column of its type, every tenant in one table.
create table user_attribute_values (
    tenant_id     uuid        not null,
    user_id       uuid        not null,
    name          varchar(40) not null,
    value_text    text,
    value_number  numeric,
    value_boolean boolean,
    value_date    date,
    primary key (tenant_id, user_id, name),
    check (num_nonnulls(value_text, value_number, value_boolean, value_date) = 1)
);
create index user_attribute_values_text on user_attribute_values (tenant_id, name, value_text);
create index user_attribute_values_number on user_attribute_values (tenant_id, name, value_number);

-- (c) A jsonb document per user, as users.attributes is, with the service's GIN index (jsonb_path_ops).
create table user_attribute_documents (
    tenant_id  uuid  not null,
    user_id    uuid  not null,
    attributes jsonb not null check (jsonb_typeof(attributes) = 'object'),
    primary key (tenant_id, user_id)
);
create index user_attribute_documents_attributes on user_attribute_documents using gin (attributes jsonb_path_ops);
