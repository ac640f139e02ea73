#!/bin/bash
# Runs once, when the PostgreSQL container initialises an empty volume: creates the role the application connects
# as. It owns nothing and cannot bypass row-level security; the migrations (run by the application as the owner,
# POSTGRES_USER) grant it what it may do. See docs/deployment.md, "Deployment: database roles".
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_role="$GCI_DB_APP_USER" -v app_password="$GCI_DB_APP_PASSWORD" <<'SQL'
create role :"app_role" login password :'app_password' nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
SQL
