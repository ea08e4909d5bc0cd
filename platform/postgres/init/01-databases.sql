-- Runs once, when the postgres container initialises an empty data directory (docker compose and the
-- Kubernetes dev overlay). One database and one role per owner: each service owns its schema and
-- migrations, Keycloak its own. The passwords are for local use only; production supplies its own.
create role users with login password 'users';
create database users owner users;

create role profiles with login password 'profiles';
create database profiles owner profiles;

create role keycloak with login password 'keycloak';
create database keycloak owner keycloak;
