-- Tax at entry (issue 14): an order carries the tax its invoices will bill.
--
-- Each order line keeps the rate it was taxed at when the order was placed (0 when nothing
-- taxed it: no rate for its region and tax class, or an exemption) and its tax, rounded as an
-- invoice line rounds it; the order keeps the exemption certificate that made it tax-free, if
-- any. Lines placed before this migration were not taxed: rate 0, tax 0.
ALTER TABLE order_lines ADD COLUMN tax_rate_ppm INTEGER NOT NULL DEFAULT 0
  CHECK (tax_rate_ppm >= 0 AND tax_rate_ppm <= 1000000);
ALTER TABLE order_lines ADD COLUMN tax_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN tax_exemption TEXT;

-- A customer's sales tax exemption certificate for one region (the ship-to's region, as in
-- tax_rates), valid through its expiry date: a document dated after it is taxed again. The
-- invoicing module owns it, beside tax_rates. The customer's tax_exempt flag stays as the
-- exemption everywhere with no certificate and no expiry.
CREATE TABLE tax_exemptions (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  region TEXT NOT NULL,
  certificate_number TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (customer_id, region, certificate_number)
);
CREATE INDEX tax_exemptions_customer_region ON tax_exemptions (customer_id, region, expires_on);

-- Orders are taxed while they are prepared off the writer, so a change of the rates or
-- exemptions is a change of what orders are priced on (see 0011_reference_version.sql).
CREATE TRIGGER tax_rates_insert_version AFTER INSERT ON tax_rates
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tax_rates_update_version AFTER UPDATE ON tax_rates
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tax_rates_delete_version AFTER DELETE ON tax_rates
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tax_exemptions_insert_version AFTER INSERT ON tax_exemptions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tax_exemptions_update_version AFTER UPDATE ON tax_exemptions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tax_exemptions_delete_version AFTER DELETE ON tax_exemptions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;
