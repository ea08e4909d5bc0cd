-- The service connects as an application role that owns nothing; the owner, which runs these
-- migrations, grants it what it needs, now and for every table later migrations create.
grant select, insert, update, delete on all tables in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
