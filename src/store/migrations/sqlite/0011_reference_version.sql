-- What an order is validated and priced against (items and their packs, customers and their
-- ship-tos, price tiers, warehouses) carries one version, bumped by triggers in the same
-- transaction as any change to those tables, whichever code made it. Order entry validates a
-- request on a read connection, off the single writer, and the writer accepts that work only
-- if the version it reads is the one the validation read; otherwise it validates again.
CREATE TABLE reference_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO reference_version (id, version) VALUES (1, 1);

CREATE TRIGGER items_insert_version AFTER INSERT ON items
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER items_update_version AFTER UPDATE ON items
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER items_delete_version AFTER DELETE ON items
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER item_packs_insert_version AFTER INSERT ON item_packs
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER item_packs_update_version AFTER UPDATE ON item_packs
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER item_packs_delete_version AFTER DELETE ON item_packs
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customers_insert_version AFTER INSERT ON customers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customers_update_version AFTER UPDATE ON customers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER customers_delete_version AFTER DELETE ON customers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER ship_tos_insert_version AFTER INSERT ON ship_tos
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER ship_tos_update_version AFTER UPDATE ON ship_tos
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER ship_tos_delete_version AFTER DELETE ON ship_tos
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_tiers_insert_version AFTER INSERT ON price_tiers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_tiers_update_version AFTER UPDATE ON price_tiers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER price_tiers_delete_version AFTER DELETE ON price_tiers
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER warehouses_insert_version AFTER INSERT ON warehouses
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER warehouses_update_version AFTER UPDATE ON warehouses
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER warehouses_delete_version AFTER DELETE ON warehouses
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;
