-- Pricing rules (issue 14), owned by the pricing module: price lists with their prices and
-- quantity breaks, customer contracts with their prices, promotions, and each customer's price
-- list and pricing group. The resolution order that uses them is in pricing/price_resolution.h.
-- Money columns are 1/10,000 of the unit, percentages basis points, dates 'YYYY-MM-DD'
-- (inclusive at both ends). A rule names a product line by its code (catalog's product_lines).

CREATE TABLE price_lists (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,  -- NULL: open-ended
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

-- A list's price of an item, per base unit.
CREATE TABLE price_list_prices (
  price_list_id INTEGER NOT NULL REFERENCES price_lists (id),
  item_id INTEGER NOT NULL REFERENCES items (id),
  unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
  PRIMARY KEY (price_list_id, item_id)
);

-- Quantity breaks of a list: from min_quantity base units on one line, for an item or every
-- item of a product line, a fixed price or a percentage off the reference price.
CREATE TABLE price_breaks (
  id INTEGER PRIMARY KEY,
  price_list_id INTEGER NOT NULL REFERENCES price_lists (id),
  item_id INTEGER REFERENCES items (id),
  product_line TEXT,
  min_quantity BIGINT NOT NULL CHECK (min_quantity >= 1),
  unit_price BIGINT CHECK (unit_price >= 0),
  discount_bp INTEGER CHECK (discount_bp BETWEEN 0 AND 10000),
  CHECK ((item_id IS NULL) <> (product_line IS NULL)),
  CHECK ((unit_price IS NULL) <> (discount_bp IS NULL))
);
CREATE INDEX price_breaks_list_item ON price_breaks (price_list_id, item_id);
CREATE INDEX price_breaks_list_line ON price_breaks (price_list_id, product_line);

-- A customer's contract: its prices hold from start_date to end_date.
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (start_date <= end_date)
);
CREATE INDEX contracts_customer ON contracts (customer_id, end_date);

-- A contract's term for an item or a product line: a fixed price or a percentage off.
CREATE TABLE contract_prices (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  item_id INTEGER REFERENCES items (id),
  product_line TEXT,
  unit_price BIGINT CHECK (unit_price >= 0),
  discount_bp INTEGER CHECK (discount_bp BETWEEN 0 AND 10000),
  CHECK ((item_id IS NULL) <> (product_line IS NULL)),
  CHECK ((unit_price IS NULL) <> (discount_bp IS NULL)),
  UNIQUE (contract_id, item_id),
  UNIQUE (contract_id, product_line)
);

-- A promotion: a percentage or an amount off, between two dates, for lines whose every given
-- condition holds (item, product line, customer pricing group). stacking: 'stacks' comes off
-- the best non-promotional price, 'exclusive' off the reference price instead of it.
CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  item_id INTEGER REFERENCES items (id),
  product_line TEXT,
  customer_group TEXT,
  discount_bp INTEGER CHECK (discount_bp BETWEEN 0 AND 10000),
  amount_off BIGINT CHECK (amount_off >= 0),
  stacking TEXT NOT NULL CHECK (stacking IN ('stacks', 'exclusive')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (item_id IS NOT NULL OR product_line IS NOT NULL OR customer_group IS NOT NULL),
  CHECK ((discount_bp IS NULL) <> (amount_off IS NULL)),
  CHECK (start_date <= end_date)
);
CREATE INDEX promotions_item ON promotions (item_id, end_date);
CREATE INDEX promotions_line ON promotions (product_line, end_date);
CREATE INDEX promotions_group ON promotions (customer_group, end_date);

-- A customer's price list and pricing group (the group promotions may target).
CREATE TABLE customer_pricing (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  price_list_id INTEGER REFERENCES price_lists (id),
  pricing_group TEXT
);
CREATE INDEX customer_pricing_list ON customer_pricing (price_list_id);

-- Every order line says why it has its price, for people (the orders module's table):
-- "contract K-17 until 2027-03-31". price_source says which rule, for programs.
ALTER TABLE order_lines ADD COLUMN price_explanation TEXT NOT NULL DEFAULT '';

-- Orders are priced on these rules, so they are reference data (migration 0011): any change
-- bumps the version the writer compares with what an order was prepared on.

CREATE TRIGGER price_lists_insert_version AFTER INSERT ON price_lists
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_lists_update_version AFTER UPDATE ON price_lists
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_lists_delete_version AFTER DELETE ON price_lists
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_list_prices_insert_version AFTER INSERT ON price_list_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_list_prices_update_version AFTER UPDATE ON price_list_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_list_prices_delete_version AFTER DELETE ON price_list_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_breaks_insert_version AFTER INSERT ON price_breaks
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_breaks_update_version AFTER UPDATE ON price_breaks
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_breaks_delete_version AFTER DELETE ON price_breaks
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contracts_insert_version AFTER INSERT ON contracts
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contracts_update_version AFTER UPDATE ON contracts
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contracts_delete_version AFTER DELETE ON contracts
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contract_prices_insert_version AFTER INSERT ON contract_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contract_prices_update_version AFTER UPDATE ON contract_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER contract_prices_delete_version AFTER DELETE ON contract_prices
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER promotions_insert_version AFTER INSERT ON promotions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER promotions_update_version AFTER UPDATE ON promotions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER promotions_delete_version AFTER DELETE ON promotions
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_pricing_insert_version AFTER INSERT ON customer_pricing
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_pricing_update_version AFTER UPDATE ON customer_pricing
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_pricing_delete_version AFTER DELETE ON customer_pricing
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;
