-- Payments (cash receipts) and their application to invoices, and what the receivables
-- reports need. The receivables module owns payments and payment_applications.
--
-- A payment's amount is credited to the customer's receivables when it is received; applying
-- it to invoices moves it from unapplied to applied (amount_applied) and settles the invoices
-- (invoices.amount_paid, discount_taken). unapplied = amount - amount_applied.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  amount_applied BIGINT NOT NULL DEFAULT 0,
  method TEXT NOT NULL CHECK (method IN ('check', 'ach', 'wire', 'card')),
  reference TEXT NOT NULL DEFAULT '',
  received_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (amount_applied >= 0 AND amount_applied <= amount)
);
CREATE INDEX payments_customer ON payments (customer_id, id);

-- Cash of a payment applied to an invoice, and the early-pay discount allowed with it.
CREATE TABLE payment_applications (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  amount BIGINT NOT NULL CHECK (amount >= 0),
  discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0),
  applied_date TEXT NOT NULL,
  at BIGINT NOT NULL,
  CHECK (amount + discount > 0)
);
CREATE INDEX payment_applications_payment ON payment_applications (payment_id);
CREATE INDEX payment_applications_invoice ON payment_applications (invoice_id);

INSERT INTO sequences (name, next_value) VALUES ('PM', 1);

-- The document a journal entry is about ("IN-000001", "PM-000003"), for statements.
ALTER TABLE journal_entries ADD COLUMN reference TEXT NOT NULL DEFAULT '';
CREATE INDEX journal_lines_customer ON journal_lines (customer_id, entry_id);

-- An order is settled when everything not cancelled is invoiced and none of its invoices has a
-- balance left; its derived status is then 'closed'. Kept by the commands that settle or
-- create invoices (see flows/order_settlement.h).
ALTER TABLE orders ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
