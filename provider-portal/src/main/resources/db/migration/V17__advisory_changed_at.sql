-- Known-exploited and community advisories arrive on an address of their own (herd.advisories.urgent, ADR 12), so two
-- announcements of one advisory may arrive out of order. modified_at alone cannot order them (a KEV statement need not
-- move it); changed_at, when the hub changed the advisory, breaks the tie. Null for rows announced before.
ALTER TABLE advisory ADD COLUMN changed_at TIMESTAMPTZ;
