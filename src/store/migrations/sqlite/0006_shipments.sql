-- Shipments: a pick list per order and warehouse for what is allocated there, then confirmed
-- as shipped with carrier, service, tracking number and packages. The fulfillment module owns
-- these tables; they refer to orders, order lines and warehouses by id.
--
-- status: picking (created, lines hold the picked quantities), shipped (confirmed; each line's
-- quantity_shipped says what left the warehouse, at most its quantity).
CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  status TEXT NOT NULL CHECK (status IN ('picking', 'shipped')),
  carrier TEXT,
  service TEXT,
  tracking_number TEXT,
  -- JSON array of {"weight": "<decimal text>"}, kept exact as given
  packages TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  shipped_at BIGINT,
  created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX shipments_order ON shipments (order_id, warehouse_id, status);

CREATE TABLE shipment_lines (
  shipment_id INTEGER NOT NULL REFERENCES shipments (id),
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  line_no INTEGER NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  quantity_shipped BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (shipment_id, order_line_id),
  CHECK (quantity_shipped >= 0 AND quantity_shipped <= quantity)
);
CREATE INDEX shipment_lines_order_line ON shipment_lines (order_line_id);

INSERT INTO sequences (name, next_value) VALUES ('SH', 1);
