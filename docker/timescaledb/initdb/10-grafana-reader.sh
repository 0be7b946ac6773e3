#!/bin/bash
# Runs once, when the TimescaleDB data volume is first initialised (docker-entrypoint-initdb.d), as the
# superuser POSTGRES_USER against POSTGRES_DB. It creates `grafana_reader`, the read-only login Grafana uses.
#
# cloud-core's tables do not exist yet at this point: Flyway creates them on cloud-core's first start. So an
# event trigger grants SELECT on each table of an allowlist as it is created. An allowlist, not "all tables",
# keeps password and token hashes (app_user, auth_token) and raw rejected payloads out of Grafana's reach.
# A new table for dashboards: add it to the list (and GRANT SELECT by hand on an existing database).
set -euo pipefail

: "${STOCKSENSE_GRAFANA_DB_PASSWORD:?STOCKSENSE_GRAFANA_DB_PASSWORD must be set for the timescaledb service}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v reader_password="$STOCKSENSE_GRAFANA_DB_PASSWORD" -v dbname="$POSTGRES_DB" <<'SQL'
CREATE ROLE grafana_reader LOGIN PASSWORD :'reader_password';
ALTER ROLE grafana_reader SET default_transaction_read_only = on;
ALTER ROLE grafana_reader SET statement_timeout = '30s';
GRANT CONNECT ON DATABASE :"dbname" TO grafana_reader;
GRANT USAGE ON SCHEMA public TO grafana_reader;

-- The trigger function lives in its own schema: cloud-core's Flyway refuses to migrate a non-empty "public"
-- schema that has no history table yet, and a function there would count (extension objects do not).
CREATE SCHEMA stocksense_ops;
REVOKE ALL ON SCHEMA stocksense_ops FROM PUBLIC;

CREATE FUNCTION stocksense_ops.grafana_grants() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    created record;
BEGIN
    FOR created IN
        SELECT object_identity FROM pg_event_trigger_ddl_commands()
        WHERE command_tag = 'CREATE TABLE' AND schema_name = 'public'
    LOOP
        IF created.object_identity IN (
                'public.telemetry', 'public.device_event', 'public.warehouse', 'public.zone', 'public.location',
                'public.device', 'public.product', 'public.gateway', 'public.gateway_status',
                'public.stock_level', 'public.stock_ledger', 'public.epc_item') THEN
            EXECUTE format('GRANT SELECT ON %s TO grafana_reader', created.object_identity);
        END IF;
    END LOOP;
END
$fn$;

CREATE EVENT TRIGGER stocksense_grafana_grants ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION stocksense_ops.grafana_grants();
SQL
