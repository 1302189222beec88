-- Invoicing and the general ledger.
--
-- An invoice is created for each confirmed shipment, in the confirmation's transaction: its
-- lines are what shipped, at the order's prices, with tax per line (the rate of the ship-to's
-- region and the item's tax class; none for a tax-exempt customer). The invoicing module owns
-- tax_rates, invoices and invoice_lines; the ledger module owns journal_entries and
-- journal_lines.

-- Sales tax rates in parts per million of the taxable amount (8.875% = 88750). A region and
-- tax class with no row is not taxed.
CREATE TABLE tax_rates (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  tax_class TEXT NOT NULL,
  rate_ppm INTEGER NOT NULL CHECK (rate_ppm >= 0 AND rate_ppm <= 1000000),
  updated_at BIGINT NOT NULL,
  UNIQUE (region, tax_class)
);

-- balance = total - amount_paid - discount_taken - amount_credited; status is 'paid' exactly
-- when the balance is 0.
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  order_id INTEGER NOT NULL REFERENCES orders (id),
  shipment_id INTEGER UNIQUE REFERENCES shipments (id),
  invoice_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  payment_terms TEXT NOT NULL,
  -- the last day an early-pay discount may be taken, and its size in basis points
  discount_date TEXT,
  discount_bp INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  subtotal BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  freight BIGINT NOT NULL CHECK (freight >= 0),
  total BIGINT NOT NULL,
  amount_paid BIGINT NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
  discount_taken BIGINT NOT NULL DEFAULT 0 CHECK (discount_taken >= 0),
  amount_credited BIGINT NOT NULL DEFAULT 0 CHECK (amount_credited >= 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'void')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (total = subtotal + tax + freight),
  CHECK (amount_paid + discount_taken + amount_credited <= total)
);
CREATE INDEX invoices_customer ON invoices (customer_id, id);
CREATE INDEX invoices_status ON invoices (status, id);
CREATE INDEX invoices_order ON invoices (order_id);

CREATE TABLE invoice_lines (
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  line_no INTEGER NOT NULL,
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  item_id INTEGER NOT NULL REFERENCES items (id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  unit_price BIGINT NOT NULL,
  extended_amount BIGINT NOT NULL,
  tax_class TEXT NOT NULL,
  tax_rate_ppm INTEGER NOT NULL,
  tax_amount BIGINT NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);
CREATE INDEX invoice_lines_order_line ON invoice_lines (order_line_id);

INSERT INTO sequences (name, next_value) VALUES ('IN', 1);

-- Double-entry journal: every financial event is one entry whose lines balance (the sum of
-- debits equals the sum of credits; ledger::Post refuses anything else). Accounts are the
-- fixed chart of ledger/accounts.h. Lines on accounts receivable name their customer, which
-- makes the customer sub-ledger.
CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  entry_date TEXT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  source_id BIGINT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_entries_source ON journal_entries (source, source_id);
CREATE INDEX journal_entries_date ON journal_entries (entry_date, id);

CREATE TABLE journal_lines (
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  line_no INTEGER NOT NULL,
  account TEXT NOT NULL,
  debit BIGINT NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit BIGINT NOT NULL DEFAULT 0 CHECK (credit >= 0),
  customer_id INTEGER REFERENCES customers (id),
  PRIMARY KEY (entry_id, line_no),
  CHECK ((debit = 0) <> (credit = 0))
);
CREATE INDEX journal_lines_account ON journal_lines (account, entry_id);
