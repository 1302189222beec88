-- Item search (GET /api/v1/items?q=, the order desk's typeahead): a trigram index of every
-- item's SKU and name, so that a substring query reads the items it matches instead of every
-- item (a full SKU among 100,000 items: about 1 ms instead of about 250). The index holds no
-- copy of the text (content='items'); triggers keep it in step with items in the same
-- transaction, whichever code changes them. SQLite's FTS5 trigram tokenizer (3.34+); a
-- PostgreSQL schema would use a pg_trgm index on the same columns.
CREATE VIRTUAL TABLE item_search USING fts5(sku, name, content='items', content_rowid='id', tokenize='trigram');
INSERT INTO item_search (item_search) VALUES ('rebuild');

CREATE TRIGGER items_insert_search AFTER INSERT ON items
BEGIN
  INSERT INTO item_search (rowid, sku, name) VALUES (new.id, new.sku, new.name);
END;

CREATE TRIGGER items_update_search AFTER UPDATE OF sku, name ON items
BEGIN
  INSERT INTO item_search (item_search, rowid, sku, name) VALUES ('delete', old.id, old.sku, old.name);
  INSERT INTO item_search (rowid, sku, name) VALUES (new.id, new.sku, new.name);
END;

CREATE TRIGGER items_delete_search AFTER DELETE ON items
BEGIN
  INSERT INTO item_search (item_search, rowid, sku, name) VALUES ('delete', old.id, old.sku, old.name);
END;
