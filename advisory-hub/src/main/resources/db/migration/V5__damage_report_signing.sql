-- The key that signs damage-report deliveries to a provider (Standard Webhooks, HMAC-SHA256). A new one is made on
-- every subscription and shown to the provider once; Herd keeps it to sign, as the scheme needs the shared key.
ALTER TABLE provider ADD COLUMN damage_report_secret VARCHAR(100);
