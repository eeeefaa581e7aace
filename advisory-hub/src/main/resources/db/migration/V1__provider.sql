-- Advisory providers. trust_tier: 1 (least trusted) to 5 (most trusted); only providers at or above the configured
-- tier drive rules and patches by themselves.
CREATE TABLE provider (
    id           VARCHAR(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name VARCHAR(200) NOT NULL,
    trust_tier   SMALLINT     NOT NULL CHECK (trust_tier BETWEEN 1 AND 5),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
