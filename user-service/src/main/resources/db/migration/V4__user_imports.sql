-- Bulk imports (docs/bulk-import.md): a job per uploaded file, and the file's rows staged until the job has
-- processed them. Upload and processing are apart so that a file of 100,000 rows is taken in within the
-- request (streamed into these rows in one transaction: all of it or nothing) and processed afterwards in
-- chunks, each chunk in both stores or in neither.
create table user_imports (
    tenant_id       uuid        not null default current_tenant() references tenants (id),
    id              uuid        not null,
    -- the client's Idempotency-Key: the same key and the same file answer the same job
    idempotency_key varchar(255),
    -- SHA-256 of the uploaded bytes, to tell a repeated upload from another file under the same key
    fingerprint     varchar(64) not null,
    format          varchar(8)  not null check (format in ('ndjson', 'csv')),
    status          varchar(16) not null default 'QUEUED'
                    check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows      integer     not null check (total_rows > 0),
    processed_rows  integer     not null default 0,
    imported_rows   integer     not null default 0,
    failed_rows     integer     not null default 0,
    created_by      uuid        not null,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- the worker that runs the job holds it until then; a worker that died lets it go by not renewing
    lease_until     timestamptz,
    -- why the job waits or stopped, when that is not a row's fault (the identity provider is down, say)
    last_error      varchar(500),
    primary key (tenant_id, id),
    check (processed_rows = imported_rows + failed_rows and processed_rows <= total_rows)
);
create unique index user_imports_by_key on user_imports (tenant_id, idempotency_key) where idempotency_key is not null;
create index user_imports_unfinished on user_imports (created_at) where status in ('QUEUED', 'RUNNING');
create index user_imports_newest on user_imports (tenant_id, created_at desc);

create table user_import_rows (
    tenant_id  uuid        not null default current_tenant(),
    import_id  uuid        not null,
    row_number integer     not null check (row_number > 0),
    -- the id the user gets, chosen at upload: a chunk that is tried again finds its own identities by it
    user_id    uuid        not null,
    -- the row as a user-creation document; null for a row that could not be read, and once it is done
    content    jsonb,
    status     varchar(16) not null default 'PENDING' check (status in ('PENDING', 'IMPORTED', 'FAILED')),
    -- [{"field": ..., "message": ...}] of a row that failed
    problems   jsonb,
    primary key (tenant_id, import_id, row_number),
    -- checked at commit, not per row: an upload streams its rows in first and writes its job last, when it
    -- knows how many rows and which fingerprint the file has (a deferrable constraint where one fits)
    foreign key (tenant_id, import_id) references user_imports (tenant_id, id)
        on delete cascade deferrable initially deferred
);
create index user_import_rows_pending on user_import_rows (tenant_id, import_id, row_number) where status = 'PENDING';

do $$
declare
    t text;
begin
    foreach t in array array['user_imports', 'user_import_rows'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant())'
                       ' with check (tenant_id = current_tenant())', t);
    end loop;
end $$;

-- The import worker finds the unfinished jobs of every tenant (and then works on each as its tenant); it
-- marks the transaction in which it looks with app.import_worker, as the outbox relay does.
create policy import_worker on user_imports for select
    using (current_setting('app.import_worker', true) = 'on');

grant select, insert, update, delete on user_imports, user_import_rows to ${app_role};
