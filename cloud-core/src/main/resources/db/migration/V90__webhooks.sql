-- StockSense cloud-core schema, version 90: outgoing webhooks for alerts and documents.
--
-- Deliveries are queued by triggers in the SAME transaction as their cause (an alert row, a transfer
-- or stocktake changing status), so a committed alert always has its deliveries, and a rolled-back
-- posting has none. The dispatcher sends them later and keeps every attempt; a restart resumes from
-- the table.

CREATE TABLE webhook_subscription (
    id         bigserial PRIMARY KEY,
    url        text NOT NULL,
    events     text[] NOT NULL,
    -- The HMAC key: it must be kept to sign, so it is stored as given and never returned by the API.
    secret     text NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL,
    event_type      text NOT NULL,
    -- The exact bytes that are signed and sent (the JSON text), so every retry sends the same body.
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id DESC);

CREATE TABLE webhook_attempt (
    delivery_id  bigint NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      int NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  bigint NOT NULL,
    http_status  int,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);

-- Queues one delivery per active subscription to event_type; data becomes the body's "data".
CREATE FUNCTION webhook_enqueue(event_type text, data jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ev uuid := gen_random_uuid();
BEGIN
    INSERT INTO webhook_delivery (subscription_id, event_id, event_type, body)
    SELECT s.id, ev, event_type,
           jsonb_build_object('id', ev, 'type', event_type,
                              'occurredAt', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                              'data', data)::text
      FROM webhook_subscription s
     WHERE s.active AND event_type = ANY (s.events);
END;
$$;

CREATE FUNCTION webhook_on_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM webhook_enqueue('alert.raised', to_jsonb(NEW));
    ELSIF OLD.resolved_at IS NULL AND NEW.resolved_at IS NOT NULL THEN
        PERFORM webhook_enqueue('alert.resolved', to_jsonb(NEW));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_alert AFTER INSERT OR UPDATE OF resolved_at ON inventory_alert
    FOR EACH ROW EXECUTE FUNCTION webhook_on_alert();

-- Documents: transfer.created / transfer.shipped / transfer.received, stocktake.created / stocktake.posted.
CREATE FUNCTION webhook_on_document() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc text := CASE TG_TABLE_NAME WHEN 'stock_transfer' THEN 'transfer' ELSE 'stocktake' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM webhook_enqueue(doc || '.created', to_jsonb(NEW));
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('shipped', 'received', 'posted') THEN
        PERFORM webhook_enqueue(doc || '.' || NEW.status, to_jsonb(NEW));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_transfer AFTER INSERT OR UPDATE OF status ON stock_transfer
    FOR EACH ROW EXECUTE FUNCTION webhook_on_document();
CREATE TRIGGER webhook_stocktake AFTER INSERT OR UPDATE OF status ON stocktake
    FOR EACH ROW EXECUTE FUNCTION webhook_on_document();
