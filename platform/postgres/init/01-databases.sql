-- Runs once, when the postgres container initialises an empty data directory (docker compose and the
-- Kubernetes dev overlay). Each service gets a database owned by a role of its own, which runs the
-- migrations, and an application role that owns nothing, so that row-level security applies to it in full.
-- Keycloak gets a database too. The passwords are for local use only; production supplies its own.
create role users with login password 'users';
-- user-service's search looks matches up in its trigram and jsonb indexes through functions this role owns,
-- past row-level security, which would keep the index from being used (docs/performance.md).
alter role users bypassrls;
create role users_app with login password 'users_app';
create database users owner users;

create role profiles with login password 'profiles';
create role profiles_app with login password 'profiles_app';
create database profiles owner profiles;

create role keycloak with login password 'keycloak';
create database keycloak owner keycloak;
