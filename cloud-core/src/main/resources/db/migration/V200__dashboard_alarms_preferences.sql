-- Supervisor web app: who acknowledged and who cleared an alarm, per-user preferences, and the
-- indexes the dashboard's device-health and alarm reads need.

-- An alarm is a device_event the gateway raised (alarm-raised, outbox-full). People acknowledge it
-- and, once handled, clear it; the first acknowledgement and the clearing are kept with user and time.
CREATE TABLE alarm_action (
    alarm_id   bigint PRIMARY KEY REFERENCES device_event (id),
    acked_by   text,
    acked_at   timestamptz,
    cleared_by text,
    cleared_at timestamptz
);

CREATE TABLE user_preference (
    username   text PRIMARY KEY REFERENCES app_user (username),
    lang       text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Alarms, device-status changes: newest per kind.
CREATE INDEX device_event_kind ON device_event (kind, id DESC);
-- Device health: when the cloud last heard from each device, and its latest battery level.
CREATE INDEX ingested_event_device ON ingested_event (device_id, ingested_at DESC);
CREATE INDEX telemetry_device_battery ON telemetry (device_id, time DESC) WHERE metric = 'battery';
