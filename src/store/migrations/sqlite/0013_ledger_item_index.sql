-- The stock ledger's index by item is kept in batches. As an SQL index it took, for every
-- movement, a page at the item's place in it: a batch of orders wrote about one WAL page per
-- line it allocated, two thirds of the bytes an order wrote. The ledger now keeps the index
-- as a table that the inventory module fills for thousands of movements at a time
-- (inventory/movement_item_index.h), so each page is written once per batch of movements, not
-- once per movement. Movements up to stock_movements_indexed.through_id are in it; the newer
-- ones (the ledger's tail, fewer than `batch` but for the last command's) are found by id.
CREATE TABLE stock_movements_by_item (
  item_id INTEGER NOT NULL,
  movement_id INTEGER NOT NULL,
  warehouse_id INTEGER NOT NULL,
  PRIMARY KEY (item_id, movement_id)
) WITHOUT ROWID;

CREATE TABLE stock_movements_indexed (
  through_id INTEGER NOT NULL,
  batch INTEGER NOT NULL DEFAULT 8192 CHECK (batch > 0)
);

INSERT INTO stock_movements_by_item (item_id, movement_id, warehouse_id)
SELECT item_id, id, warehouse_id FROM stock_movements ORDER BY item_id, id;
INSERT INTO stock_movements_indexed (through_id) SELECT COALESCE(MAX(id), 0) FROM stock_movements;
DROP INDEX stock_movements_item;
