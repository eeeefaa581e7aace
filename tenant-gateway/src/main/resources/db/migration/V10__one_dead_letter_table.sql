-- Rule bundles and patch plans are read through the shared inbox (dev.herd.contracts.inbox) like every other
-- subscription, so the messages they set aside go to dead_letter (V8) too. The rows of delivery_dead_letter move
-- there; they keep the address they came from as their consumer (the subscription's name was not recorded).
INSERT INTO dead_letter (id, consumer, message_id, payload, error, received_at)
SELECT id, left(address, 60), left(message_id, 100), coalesce(payload, ''), reason, received_at
FROM delivery_dead_letter;

DROP TABLE delivery_dead_letter;
