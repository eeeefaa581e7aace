-- Where each damage report of an immunity bench run waited, hop by hop, in ms after the gateway accepted its flow:
-- the gateway's outbox (created, sent), the portal consuming it, the portal's damage report (created, sent), the hub
-- consuming it, the hub's community advisory (created, sent), the portal consuming that, and the first rule bundle
-- carrying the signature (rb_c0) and the last of that drain (rb_c1, rb_sent, g_in: consumed by the gateway).
-- Joined by the outbox id that travels as _AMQ_DUPL_ID. Run within a minute of the run (sent messages are purged):
--   PGPASSWORD=herd psql -h 127.0.0.1 -p 15432 -U herd herd -v pat='HERD-IMMU-%' -f bench/immunity/hops.sql
WITH s AS (
  SELECT signature sig, min(received_at) t0 FROM gateway.monitor_record WHERE signature LIKE :'pat' GROUP BY 1
), g AS (
  SELECT s.sig, o.id, o.created_at, o.sent_at FROM s JOIN gateway.outbox_message o ON o.address='herd.monitor' AND o.payload LIKE '%'||s.sig||'%'
), pd AS (
  SELECT s.sig, o.id, o.created_at, o.sent_at FROM s JOIN portal.outbox_message o ON o.address='herd.damage-reports' AND o.payload LIKE '%'||s.sig||'%'
), hu AS (
  SELECT s.sig, o.id, o.created_at, o.sent_at FROM s JOIN hub.outbox_message o ON o.address='herd.advisories.urgent' AND o.payload LIKE '%'||s.sig||'%'
), rb AS (
  SELECT s.sig, min(o.created_at) c0, max(o.created_at) c1, max(o.sent_at) s1, max(gc.consumed_at) g1, count(*) n
  FROM s JOIN portal.outbox_message o ON o.address='herd.rule-bundles' AND o.created_at < s.t0 + interval '8 seconds' AND o.payload LIKE '%'||s.sig||'%'
  LEFT JOIN gateway.consumed_message gc ON gc.message_id = o.id::text GROUP BY 1
)
SELECT s.sig,
 round(extract(epoch from g.created_at - s.t0)*1000) g_out,
 round(extract(epoch from g.sent_at - s.t0)*1000) g_sent,
 round(extract(epoch from pc.consumed_at - s.t0)*1000) p_in,
 round(extract(epoch from pd.created_at - s.t0)*1000) p_dmg,
 round(extract(epoch from pd.sent_at - s.t0)*1000) p_dsent,
 round(extract(epoch from hc.consumed_at - s.t0)*1000) h_in,
 round(extract(epoch from hu.created_at - s.t0)*1000) h_out,
 round(extract(epoch from hu.sent_at - s.t0)*1000) h_sent,
 round(extract(epoch from pc2.consumed_at - s.t0)*1000) p_in2,
 round(extract(epoch from rb.c0 - s.t0)*1000) rb_c0,
 round(extract(epoch from rb.c1 - s.t0)*1000) rb_c1,
 round(extract(epoch from rb.s1 - s.t0)*1000) rb_sent,
 round(extract(epoch from rb.g1 - s.t0)*1000) g_in, rb.n
FROM s LEFT JOIN g ON g.sig=s.sig
LEFT JOIN portal.consumed_message pc ON pc.message_id = g.id::text
LEFT JOIN pd ON pd.sig=s.sig LEFT JOIN hub.consumed_message hc ON hc.message_id = pd.id::text
LEFT JOIN hu ON hu.sig=s.sig LEFT JOIN portal.consumed_message pc2 ON pc2.message_id = hu.id::text
LEFT JOIN rb ON rb.sig=s.sig
ORDER BY s.t0;
