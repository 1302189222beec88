-- Ordo's first schema. Money columns are BIGINT counts of 1/10,000 of the currency unit;
-- quantities are BIGINT counts of the item's base unit; timestamps are BIGINT microseconds
-- since the Unix epoch (UTC); business dates are TEXT 'YYYY-MM-DD'.

CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  next_value BIGINT NOT NULL
);
INSERT INTO sequences (name, next_value) VALUES ('SO', 1);

CREATE TABLE warehouses (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  line1 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  -- lower ranks are tried first when a ship-to has no preferred warehouse with stock
  allocation_rank INTEGER NOT NULL DEFAULT 100,
  created_at BIGINT NOT NULL
);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  uom TEXT NOT NULL,
  list_price BIGINT NOT NULL CHECK (list_price >= 0),
  cost BIGINT NOT NULL CHECK (cost >= 0),
  tax_class TEXT NOT NULL,
  active INTEGER NOT NULL,
  reorder_point BIGINT NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE item_packs (
  item_id INTEGER NOT NULL REFERENCES items (id),
  uom TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity >= 2),
  PRIMARY KEY (item_id, uom)
);

CREATE TABLE price_tiers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- discount off list price in basis points (1/100 of a percent)
  discount_bp INTEGER NOT NULL CHECK (discount_bp >= 0 AND discount_bp <= 10000)
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  bill_line1 TEXT NOT NULL DEFAULT '',
  bill_city TEXT NOT NULL DEFAULT '',
  bill_region TEXT NOT NULL DEFAULT '',
  bill_postal_code TEXT NOT NULL DEFAULT '',
  bill_country TEXT NOT NULL DEFAULT '',
  payment_terms TEXT NOT NULL,
  credit_limit BIGINT NOT NULL CHECK (credit_limit >= 0),
  price_tier TEXT REFERENCES price_tiers (code),
  tax_exempt INTEGER NOT NULL DEFAULT 0,
  salesperson TEXT NOT NULL DEFAULT '',
  on_hold INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE ship_tos (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  line1 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  preferred_warehouse_id INTEGER REFERENCES warehouses (id),
  UNIQUE (customer_id, code)
);

-- Running figures of a customer's credit exposure, kept by the commands that change them and
-- recomputed from orders (and, later, invoices) by invariant checks.
CREATE TABLE customer_balances (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  open_order_value BIGINT NOT NULL DEFAULT 0,
  open_receivables BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE stock (
  item_id INTEGER NOT NULL REFERENCES items (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  on_hand BIGINT NOT NULL DEFAULT 0,
  allocated BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, warehouse_id),
  CHECK (on_hand >= 0),
  CHECK (allocated >= 0),
  CHECK (allocated <= on_hand)
);

-- The stock ledger: every change of on_hand or allocated is a row. Kinds: receipt,
-- adjustment (change on hand); allocate, deallocate (change allocated).
CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  kind TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  order_id INTEGER,
  actor TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX stock_movements_item ON stock_movements (item_id, warehouse_id, id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  ship_to_id INTEGER NOT NULL REFERENCES ship_tos (id),
  po_number TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL,
  requested_date TEXT,
  allow_partial_shipment INTEGER NOT NULL DEFAULT 1,
  currency TEXT NOT NULL,
  subtotal BIGINT NOT NULL,
  tax BIGINT NOT NULL DEFAULT 0,
  freight BIGINT NOT NULL DEFAULT 0,
  cancel_reason TEXT,
  created_by TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_created ON orders (created_at);

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items (id),
  entered_quantity BIGINT NOT NULL,
  entered_uom TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  quantity_shipped BIGINT NOT NULL DEFAULT 0,
  quantity_invoiced BIGINT NOT NULL DEFAULT 0,
  quantity_cancelled BIGINT NOT NULL DEFAULT 0,
  unit_price BIGINT NOT NULL,
  price_source TEXT NOT NULL,
  override_reason TEXT,
  extended_amount BIGINT NOT NULL,
  UNIQUE (order_id, line_no),
  CHECK (quantity_shipped + quantity_cancelled <= quantity)
);
CREATE INDEX order_lines_item ON order_lines (item_id);

-- Stock set aside for an order line in a warehouse; the sum per (item, warehouse) equals
-- stock.allocated.
CREATE TABLE order_allocations (
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_line_id, warehouse_id)
);

CREATE TABLE order_holds (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  released_at BIGINT,
  released_by TEXT,
  release_note TEXT
);
CREATE INDEX order_holds_order ON order_holds (order_id);

-- Append-only audit trail.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

-- Domain events written in the command's transaction, for webhooks and feeds to deliver.
CREATE TABLE outbox_events (
  id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX outbox_events_entity ON outbox_events (entity, entity_id, id);
