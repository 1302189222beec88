-- Quotes (issue 14): an offer to a customer, revised in numbered versions. Each version keeps
-- its lines priced and taxed as order placement would have priced them on `priced_on`, so that
-- accepting the quote places an order at those prices (flows/quote_commands.h). The customer
-- and ship-to are kept by id, with their codes as printed on the quote.
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL,
  customer_code TEXT NOT NULL,
  ship_to_id INTEGER NOT NULL,
  ship_to_code TEXT NOT NULL,
  -- 'expired' is not stored: an open quote past expires_on is shown as expired.
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'cancelled')),
  expires_on TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- The order it was accepted into (by id, with its number as shown).
  order_id INTEGER,
  order_number TEXT,
  accepted_at BIGINT,
  cancel_reason TEXT
);
CREATE INDEX quotes_customer ON quotes (customer_id, id);
CREATE INDEX quotes_status ON quotes (status, id);

CREATE TABLE quote_versions (
  id INTEGER PRIMARY KEY,
  quote_id INTEGER NOT NULL REFERENCES quotes (id),
  version INTEGER NOT NULL,
  priced_on TEXT NOT NULL,
  subtotal BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  tax_exemption TEXT,
  notes TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (quote_id, version)
);

CREATE TABLE quote_lines (
  id INTEGER PRIMARY KEY,
  quote_version_id INTEGER NOT NULL REFERENCES quote_versions (id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  sku TEXT NOT NULL,
  entered_quantity BIGINT NOT NULL,
  entered_uom TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price BIGINT NOT NULL,
  price_source TEXT NOT NULL,
  price_explanation TEXT NOT NULL,
  override_reason TEXT,
  extended_amount BIGINT NOT NULL,
  tax_rate_ppm BIGINT NOT NULL,
  tax_amount BIGINT NOT NULL,
  unit_cost BIGINT NOT NULL,
  customer_part_number TEXT,
  -- A configured line's JSON ({"configurator", "answers", "description"}), as an order line
  -- shows it; its answers are given again when the quote is accepted.
  configuration TEXT,
  UNIQUE (quote_version_id, line_no)
);

INSERT INTO sequences (name, next_value) VALUES ('Q', 1);
