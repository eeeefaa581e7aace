-- The machine id its agent reports (/etc/machine-id, as the gateway enrolled it): a patch plan names it, and the
-- gateway refuses a plan whose machine id is not its agent's. Null until the machine's next inventory.
ALTER TABLE machine ADD COLUMN machine_id VARCHAR(255);
