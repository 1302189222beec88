-- A shipment names what it needs by id in its own rows, so that the fulfillment module reads
-- only its tables: the order's customer (portal scope, the list's customer filter) on the
-- shipment, the order line's item on each shipment line. Both are copied when the pick list is
-- made (an order's customer and a line's item never change).
ALTER TABLE shipments ADD COLUMN customer_id INTEGER REFERENCES customers (id);
ALTER TABLE shipment_lines ADD COLUMN item_id INTEGER REFERENCES items (id);
UPDATE shipments SET customer_id =
  (SELECT o.customer_id FROM orders o WHERE o.id = shipments.order_id);
UPDATE shipment_lines SET item_id =
  (SELECT l.item_id FROM order_lines l WHERE l.id = shipment_lines.order_line_id);
