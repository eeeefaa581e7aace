-- Tenants: the client networks the MSSP protects. The id is the slug that Keycloak puts in the tenant_id claim.
CREATE TABLE tenant (
    id           VARCHAR(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
