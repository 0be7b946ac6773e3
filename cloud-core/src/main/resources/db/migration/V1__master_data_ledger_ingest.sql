-- StockSense cloud-core schema, version 1: master data, the stock ledger and its level projection,
-- ingest bookkeeping (idempotency + dead letters), telemetry, gateway state and authentication.

-- ---------------------------------------------------------------- master data (seeded from site files)
CREATE TABLE product (
    sku                   text PRIMARY KEY,
    name                  text,
    gtin                  text,
    company_prefix_length int,
    unit                  text NOT NULL,
    unit_weight_grams     numeric(18, 3),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_gtin ON product (gtin);

CREATE TABLE warehouse (
    code       text PRIMARY KEY,
    name       text,
    site_id    text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE zone (
    warehouse           text NOT NULL REFERENCES warehouse (code),
    code                text NOT NULL,
    name                text,
    min_c               double precision,
    max_c               double precision,
    alarm_delay_seconds bigint,
    PRIMARY KEY (warehouse, code)
);

CREATE TABLE location (
    warehouse text NOT NULL REFERENCES warehouse (code),
    code      text NOT NULL,
    name      text,
    zone      text,
    kind      text,
    PRIMARY KEY (warehouse, code)
);

CREATE TABLE gateway (
    site_id   text NOT NULL,
    id        text NOT NULL,
    name      text,
    warehouse text,
    PRIMARY KEY (site_id, id)
);

CREATE TABLE device (
    site_id   text NOT NULL,
    id        text NOT NULL,
    gateway   text NOT NULL,
    family    text NOT NULL,
    transport text NOT NULL,
    address   text,
    codec     text,
    warehouse text,
    location  text,
    zone      text,
    PRIMARY KEY (site_id, id)
);

-- ---------------------------------------------------------------- inventory
-- Append-only: a correction is a new row, never an UPDATE or DELETE.
CREATE TABLE stock_ledger (
    id            bigserial PRIMARY KEY,
    event_id      text NOT NULL,
    line_no       int NOT NULL,
    sku           text NOT NULL,
    warehouse     text NOT NULL,
    location      text NOT NULL,
    lot           text NOT NULL DEFAULT '',
    quantity      numeric(18, 3) NOT NULL,
    unit          text NOT NULL,
    movement_type text NOT NULL,
    cause_type    text NOT NULL,
    cause_ref     text NOT NULL,
    device_id     text,
    device_time   timestamptz,
    gateway_time  timestamptz,
    epcs          text[] NOT NULL DEFAULT '{}',
    recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (event_id, line_no)
);
CREATE INDEX stock_ledger_sku ON stock_ledger (sku, recorded_at DESC);
CREATE INDEX stock_ledger_recorded ON stock_ledger (recorded_at DESC);

-- Projection of the ledger, updated in the same transaction as each ledger row.
CREATE TABLE stock_level (
    sku        text NOT NULL,
    warehouse  text NOT NULL,
    location   text NOT NULL,
    lot        text NOT NULL DEFAULT '',
    quantity   numeric(18, 3) NOT NULL,
    unit       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, warehouse, location, lot)
);

-- Serialized items (RFID): where each EPC was seen last.
CREATE TABLE epc_item (
    epc           text PRIMARY KEY,
    sku           text NOT NULL,
    warehouse     text NOT NULL,
    location      text NOT NULL,
    last_event_id text NOT NULL,
    last_seen     timestamptz NOT NULL
);

-- ---------------------------------------------------------------- ingest
-- One row per event ever posted: the idempotency key of the whole pipeline.
CREATE TABLE ingested_event (
    event_id    text PRIMARY KEY,
    event_type  text NOT NULL,
    site_id     text,
    gateway_id  text,
    batch_seq   bigint,
    device_id   text,
    device_seq  bigint,
    ingested_at timestamptz NOT NULL DEFAULT now()
);

-- Dead letters: every event (or whole batch) the cloud refused, with its reason and raw JSON.
CREATE TABLE rejected_event (
    id          bigserial PRIMARY KEY,
    site_id     text,
    gateway_id  text,
    topic       text,
    batch_seq   bigint,
    event_id    text,
    event_index int,
    reason      text NOT NULL,
    raw         text,
    received_at timestamptz NOT NULL DEFAULT now()
);
-- A batch re-sent after a lost ack must not file the same rejection twice.
CREATE UNIQUE INDEX rejected_event_once ON rejected_event (gateway_id, event_id) WHERE event_id IS NOT NULL;

CREATE TABLE gateway_status (
    site_id    text NOT NULL,
    gateway_id text NOT NULL,
    state      text NOT NULL,
    payload    text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, gateway_id)
);

-- ---------------------------------------------------------------- telemetry / device events
CREATE TABLE telemetry (
    time      timestamptz NOT NULL,
    event_id  text NOT NULL,
    device_id text NOT NULL,
    warehouse text,
    zone      text,
    metric    text NOT NULL,
    value     double precision NOT NULL,
    unit      text NOT NULL
);
CREATE INDEX telemetry_latest ON telemetry (warehouse, zone, metric, time DESC);

CREATE TABLE device_event (
    id           bigserial PRIMARY KEY,
    event_id     text NOT NULL UNIQUE,
    device_id    text NOT NULL,
    kind         text NOT NULL,
    severity     text NOT NULL,
    message      text,
    attributes   text,
    device_time  timestamptz,
    gateway_time timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- auth
CREATE TABLE app_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored, so a database dump leaks no usable token.
CREATE TABLE auth_token (
    token_sha256 text PRIMARY KEY,
    username     text NOT NULL REFERENCES app_user (username),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked      boolean NOT NULL DEFAULT false
);
