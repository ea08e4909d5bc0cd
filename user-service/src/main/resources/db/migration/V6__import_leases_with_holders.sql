-- Import jobs (docs/bulk-import.md) know which worker holds them, so that a worker whose lease ran out while
-- it was still busy with a chunk cannot record that chunk after another worker took the job over; and they
-- count the chunks that failed in a row, so that a job waits longer after each failure and stops after a few,
-- on whichever instance it runs.
alter table user_imports
    add column lease_holder uuid,
    add column failures integer not null default 0;
