-- Roles and warehouse scope per user. An empty warehouse list means every warehouse.
ALTER TABLE app_user
    ADD COLUMN roles      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN warehouses text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT app_user_known_roles CHECK (roles <@ ARRAY['admin', 'supervisor', 'purchaser', 'sales', 'cashier',
        'finance', 'auditor', 'device']::text[]);

-- Before roles existed the only user was the bootstrap admin.
UPDATE app_user SET roles = ARRAY['admin'] WHERE username = 'admin';

-- Consecutive failed logins per user name (also for names that do not exist, so the answer does not tell
-- which names do). Reaching the limit locks the name until locked_until, even for the right password.
CREATE TABLE login_failure (
    username     text PRIMARY KEY,
    failures     integer NOT NULL DEFAULT 0,
    last_failure timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);
