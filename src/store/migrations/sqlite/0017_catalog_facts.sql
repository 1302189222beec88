-- Catalog facts the commercial decisions need (issue 14), owned by the catalog module: product
-- lines, an item's product line, minimum order quantity, order multiple and GTINs, each pack
-- size's GTIN, and customers' own part numbers for our items. On order lines (the orders
-- module's): the item's cost when the order was placed, and the customer part number the line
-- was entered with.

-- A product line groups items for pricing, promotions and reports. min_margin_bp is the least
-- margin, in basis points of the price, that a price of its items may leave: an item's floor
-- price is cost / (1 - min_margin) (catalog/floor_price.h).
CREATE TABLE product_lines (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  min_margin_bp INTEGER NOT NULL CHECK (min_margin_bp >= 0 AND min_margin_bp < 10000),
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Every item belongs to at most one product line (NULL: none).
ALTER TABLE items ADD COLUMN product_line TEXT REFERENCES product_lines (code);
CREATE INDEX items_product_line ON items (product_line) WHERE product_line IS NOT NULL;

-- The least quantity a line may order and the step above it, in base units: a line's quantity
-- must be at least min_order_quantity and a whole number of order_multiple.
ALTER TABLE items ADD COLUMN min_order_quantity BIGINT NOT NULL DEFAULT 1 CHECK (min_order_quantity >= 1);
ALTER TABLE items ADD COLUMN order_multiple BIGINT NOT NULL DEFAULT 1 CHECK (order_multiple >= 1);

-- GTINs (GTIN-8, UPC-A as GTIN-12, EAN-13, GTIN-14, stored as given with a valid check digit)
-- of the base unit and of each pack size. A GTIN names one unit of one item: unique across both
-- tables (the catalog checks first and answers a conflict; the triggers are the backstop).
ALTER TABLE items ADD COLUMN gtin TEXT;
CREATE UNIQUE INDEX items_gtin ON items (gtin) WHERE gtin IS NOT NULL;
ALTER TABLE item_packs ADD COLUMN gtin TEXT;
CREATE UNIQUE INDEX item_packs_gtin ON item_packs (gtin) WHERE gtin IS NOT NULL;

CREATE TRIGGER items_gtin_insert_unique BEFORE INSERT ON items
WHEN new.gtin IS NOT NULL AND EXISTS (SELECT 1 FROM item_packs WHERE gtin = new.gtin)
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: gtin');
END;

CREATE TRIGGER items_gtin_update_unique BEFORE UPDATE OF gtin ON items
WHEN new.gtin IS NOT NULL AND EXISTS (SELECT 1 FROM item_packs WHERE gtin = new.gtin)
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: gtin');
END;

CREATE TRIGGER item_packs_gtin_insert_unique BEFORE INSERT ON item_packs
WHEN new.gtin IS NOT NULL AND EXISTS (SELECT 1 FROM items WHERE gtin = new.gtin)
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: gtin');
END;

CREATE TRIGGER item_packs_gtin_update_unique BEFORE UPDATE OF gtin ON item_packs
WHEN new.gtin IS NOT NULL AND EXISTS (SELECT 1 FROM items WHERE gtin = new.gtin)
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: gtin');
END;

-- A customer's own item number for one of our items in one unit (the item's base unit or one
-- of its pack sizes): an order line may name it instead of the SKU.
CREATE TABLE customer_part_numbers (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  part_number TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items (id),
  uom TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, part_number)
);
CREATE INDEX customer_part_numbers_item ON customer_part_numbers (item_id);

-- Order entry validates against these too (migration 0011): a change between validation and
-- placement makes the writer validate again.
CREATE TRIGGER product_lines_insert_version AFTER INSERT ON product_lines
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER product_lines_update_version AFTER UPDATE ON product_lines
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER product_lines_delete_version AFTER DELETE ON product_lines
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_part_numbers_insert_version AFTER INSERT ON customer_part_numbers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_part_numbers_update_version AFTER UPDATE ON customer_part_numbers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customer_part_numbers_delete_version AFTER DELETE ON customer_part_numbers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

-- The item's cost when the line was placed, per base unit, so that a line's margin stays known
-- whatever the cost becomes. Lines placed before this migration get their item's cost now.
ALTER TABLE order_lines ADD COLUMN unit_cost BIGINT NOT NULL DEFAULT 0;
UPDATE order_lines SET unit_cost = (SELECT i.cost FROM items i WHERE i.id = order_lines.item_id);

-- The customer's part number the line was entered with (NULL: entered by SKU).
ALTER TABLE order_lines ADD COLUMN customer_part_number TEXT;
