-- Returns (RMAs), their receipt with a disposition per received part, and credit memos.
--
-- The returns module owns returns, return_lines and return_receipts; the invoicing module owns
-- credit_memos, credit_memo_lines, credit_memo_applications and credit_memo_refunds. They refer
-- to orders, order lines, invoices, items, customers and warehouses by id.

-- What has come back of an order line (received, either disposition); kept by the receipt
-- command, never more than what shipped.
ALTER TABLE order_lines ADD COLUMN quantity_returned BIGINT NOT NULL DEFAULT 0
  CHECK (quantity_returned >= 0 AND quantity_returned <= quantity_shipped);

-- status: authorized (waiting for goods; may be partly received), received (everything
-- authorized arrived), closed (reserved for closing an RMA short; no command sets it yet).
CREATE TABLE returns (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  -- the invoice the return was authorized against; NULL when against the order
  invoice_id INTEGER REFERENCES invoices (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  status TEXT NOT NULL CHECK (status IN ('authorized', 'received', 'closed')),
  created_by TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX returns_customer ON returns (customer_id, id);
CREATE INDEX returns_status ON returns (status, id);
CREATE INDEX returns_order ON returns (order_id);
-- What authorized RMAs still await against an invoice line (every RMA line checks it).
CREATE INDEX returns_invoice ON returns (invoice_id, status);
-- Credit sales over a period (DSO).
CREATE INDEX invoices_date ON invoices (invoice_date);

-- One line per order line returned; line_no is the order line's number. When the return names
-- an invoice, (returns.invoice_id, line_no) is the invoice line.
CREATE TABLE return_lines (
  return_id INTEGER NOT NULL REFERENCES returns (id),
  line_no INTEGER NOT NULL,
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  item_id INTEGER NOT NULL REFERENCES items (id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  quantity_received BIGINT NOT NULL DEFAULT 0,
  reason TEXT NOT NULL
    CHECK (reason IN ('damaged', 'wrong_item', 'not_needed', 'defective', 'other')),
  PRIMARY KEY (return_id, line_no),
  CHECK (quantity_received >= 0 AND quantity_received <= quantity)
);
CREATE INDEX return_lines_order_line ON return_lines (order_line_id);

INSERT INTO sequences (name, next_value) VALUES ('RA', 1);

-- balance = total - amount_applied - amount_refunded; status is 'open' exactly while the
-- balance is positive, then 'refunded' when any of it was refunded, else 'applied'.
CREATE TABLE credit_memos (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  return_id INTEGER REFERENCES returns (id),
  -- the invoice the memo credits when its return names one
  invoice_id INTEGER REFERENCES invoices (id),
  memo_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  subtotal BIGINT NOT NULL CHECK (subtotal >= 0),
  tax BIGINT NOT NULL CHECK (tax >= 0),
  -- the share of the early-pay discount the credited invoices were settled with: a customer
  -- that paid 98% of an invoice gets 98% of the returned goods back, not 100%
  discount_adjustment BIGINT NOT NULL DEFAULT 0 CHECK (discount_adjustment >= 0),
  total BIGINT NOT NULL,
  amount_applied BIGINT NOT NULL DEFAULT 0 CHECK (amount_applied >= 0),
  amount_refunded BIGINT NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'applied', 'refunded')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (total = subtotal + tax - discount_adjustment),
  CHECK (amount_applied + amount_refunded <= total),
  CHECK ((status = 'open') = (amount_applied + amount_refunded < total)),
  CHECK (status <> 'refunded' OR amount_refunded > 0),
  CHECK (status <> 'applied' OR amount_refunded = 0)
);
CREATE INDEX credit_memos_customer ON credit_memos (customer_id, id);
CREATE INDEX credit_memos_status ON credit_memos (status, id);
CREATE INDEX credit_memos_return ON credit_memos (return_id);

-- What a memo credits: received quantity of an order line at the price and tax rate of the
-- invoice line (invoice_id, invoice_line_no) it came from.
CREATE TABLE credit_memo_lines (
  credit_memo_id INTEGER NOT NULL REFERENCES credit_memos (id),
  line_no INTEGER NOT NULL,
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  order_line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  invoice_line_no INTEGER NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  unit_price BIGINT NOT NULL,
  extended_amount BIGINT NOT NULL,
  tax_rate_ppm INTEGER NOT NULL,
  tax_amount BIGINT NOT NULL,
  -- this line's share of the early-pay discount its invoice was settled with
  discount_adjustment BIGINT NOT NULL DEFAULT 0 CHECK (discount_adjustment >= 0),
  PRIMARY KEY (credit_memo_id, line_no)
);
CREATE INDEX credit_memo_lines_invoice ON credit_memo_lines (invoice_id, invoice_line_no);

-- What each receipt brought back, how it was disposed of, and the memo that credited it.
CREATE TABLE return_receipts (
  id INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES returns (id),
  line_no INTEGER NOT NULL,
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  disposition TEXT NOT NULL CHECK (disposition IN ('restock', 'scrap')),
  credit_memo_id INTEGER NOT NULL REFERENCES credit_memos (id),
  received_by TEXT NOT NULL DEFAULT '',
  received_at BIGINT NOT NULL
);
CREATE INDEX return_receipts_return ON return_receipts (return_id, line_no);

CREATE TABLE credit_memo_applications (
  id INTEGER PRIMARY KEY,
  credit_memo_id INTEGER NOT NULL REFERENCES credit_memos (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  at BIGINT NOT NULL,
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_memo_applications_memo ON credit_memo_applications (credit_memo_id);
CREATE INDEX credit_memo_applications_invoice ON credit_memo_applications (invoice_id);

CREATE TABLE credit_memo_refunds (
  id INTEGER PRIMARY KEY,
  credit_memo_id INTEGER NOT NULL REFERENCES credit_memos (id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN ('check', 'ach', 'wire', 'card')),
  reference TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL,
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_memo_refunds_memo ON credit_memo_refunds (credit_memo_id);

INSERT INTO sequences (name, next_value) VALUES ('CM', 1);
