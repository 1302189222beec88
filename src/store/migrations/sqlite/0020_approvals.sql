-- Approvals (issue 14). `approval_rules` are thresholds that hold an order at entry; they are
-- reference data that order placement prepares with, so their triggers bump the reference
-- version (migration 0011) like items' and customers'. The credit check that placement has
-- always made becomes the rule CREDIT-LIMIT, and a price under an item's floor the rule
-- PRICE-FLOOR, both active so that behaviour is what it was.
CREATE TABLE approval_rules (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('discount_over', 'margin_under', 'order_total_over',
                                     'first_order', 'below_floor', 'credit_limit')),
  -- Basis points for discount_over and margin_under, 1/10,000 of the currency for
  -- order_total_over, NULL for the others.
  threshold BIGINT,
  hold_kind TEXT NOT NULL CHECK (hold_kind IN ('approval', 'pricing', 'credit')),
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

INSERT INTO approval_rules (code, name, kind, threshold, hold_kind, created_at, updated_at)
VALUES ('CREDIT-LIMIT', 'Customer on hold or over its credit limit', 'credit_limit', NULL,
        'credit', 0, 0),
       ('PRICE-FLOOR', 'Price below the item''s floor', 'below_floor', NULL, 'pricing', 0, 0);

CREATE TRIGGER approval_rules_insert_version AFTER INSERT ON approval_rules
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER approval_rules_update_version AFTER UPDATE ON approval_rules
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER approval_rules_delete_version AFTER DELETE ON approval_rules
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

-- One row per hold that placement put an order on, waiting for a decision: the order, hold
-- and customer by id, the matched rules with their figures (JSON), the order's total and who
-- entered it (who may not decide) as they were when it was held.
CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  hold_id INTEGER NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  rules_json TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  order_total BIGINT NOT NULL,
  entered_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  decided_by TEXT,
  note TEXT
);
-- The inbox: what waits, by kind, oldest first.
CREATE INDEX approvals_status_kind ON approvals (status, kind, id);
CREATE INDEX approvals_order ON approvals (order_id);
