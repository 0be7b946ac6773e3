-- The audit log: who did what, when, from where, with the state before and after. Append-only and
-- tamper-evident: each row's hash is SHA-256 over the previous row's hash and the row's canonical
-- content (audit_canonical), so changing, deleting or inserting a row in the middle breaks the chain
-- from that row on. Ids and hashes are assigned by the insert trigger under a lock, in commit order.
CREATE SEQUENCE audit_log_id_seq;

CREATE TABLE audit_log (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL,
    actor_kind  text NOT NULL CHECK (actor_kind IN ('user', 'device', 'system', 'anonymous')),
    ip          text,
    action      text NOT NULL,
    resource    text,
    resource_id text,
    status      integer,
    before      jsonb,
    after       jsonb,
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);

ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

CREATE INDEX audit_log_actor_at ON audit_log (actor, at);
CREATE INDEX audit_log_resource_at ON audit_log (resource, at);
CREATE INDEX audit_log_at ON audit_log (at);

-- One JSON array of every column but the hashes: unambiguous, and independent of the session's time zone.
CREATE FUNCTION audit_canonical(a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_array(a.id, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor, a.actor_kind, a.ip, a.action,
                             a.resource, a.resource_id, a.status, a.before, a.after)::text
$$;

CREATE FUNCTION audit_hash(prev_hash text, a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(prev_hash || audit_canonical(a), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev text;
BEGIN
    -- A restore copies rows with their original ids and hashes.
    IF current_setting('stocksense.restore', true) = 'on' THEN
        RETURN NEW;
    END IF;
    -- One appender at a time until its transaction ends, so the chain follows commit order.
    PERFORM pg_advisory_xact_lock(7369736101);
    SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.id := nextval('audit_log_id_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(prev, repeat('0', 64));
    NEW.hash := audit_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('stocksense.restore', true) = 'on' AND TG_OP = 'TRUNCATE' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();

-- Other database roles (a reporting user, say) may read and append, never rewrite.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
