#!/bin/sh
# Runs once, when the postgres volume is first created. The migrations run as POSTGRES_USER (the
# owner); the API signs in as juntos_api, a member of juntos_app, which owns nothing, is not
# superuser and cannot bypass row-level security.
set -eu
: "${POSTGRES_API_PASSWORD:?set POSTGRES_API_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v api_password="$POSTGRES_API_PASSWORD" <<'SQL'
create role juntos_app nologin nosuperuser nobypassrls;
create role juntos_api login nosuperuser nobypassrls password :'api_password' in role juntos_app;
SQL
