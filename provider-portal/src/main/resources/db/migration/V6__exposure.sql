-- Exposure and attacker-address rules: a filter rule may be limited to traffic from one attacker's address or CIDR
-- block (a community advisory's ATTACKER_ADDRESS indicator); null is any source.
ALTER TABLE filter_rule ADD COLUMN source_address VARCHAR(64);
