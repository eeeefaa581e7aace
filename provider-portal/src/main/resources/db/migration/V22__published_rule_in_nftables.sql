-- A delta names the published rules outside its scope that have a chain of their own (PublishedRuleSetRepository
-- .nftablesNumbersOutside), for every tenant of a drain at once (ADR 16). Community signature rules have none, so
-- reading them by tenant visited every published rule of the tenant (about 240 ms at 100 tenants with 1,100 rules
-- each); this index holds only those with a chain.
CREATE INDEX published_rule_in_nftables ON published_rule (tenant_id) WHERE in_nftables;
