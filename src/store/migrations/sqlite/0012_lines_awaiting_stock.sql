-- Backorder release looks up the lines of an item that wait for stock. The index on every
-- line's item (order_lines_item) held the whole history, so each release read past every
-- shipped line of the item, and each line entered wrote a page at a random place in it (a
-- third of the bytes an order added to the WAL). A line now says whether it awaits stock: its open
-- quantity (ordered - shipped - cancelled) is more than is allocated to it. Only those lines
-- are indexed. The orders module keeps the flag (InsertOrder, TouchOrder, StoreStatus) and the
-- invariant checker recomputes it.
ALTER TABLE order_lines ADD COLUMN awaiting_stock INTEGER NOT NULL DEFAULT 0;
UPDATE order_lines SET awaiting_stock = 1
WHERE quantity - quantity_shipped - quantity_cancelled >
      COALESCE((SELECT SUM(a.quantity) FROM order_allocations a
                WHERE a.order_line_id = order_lines.id), 0);
DROP INDEX order_lines_item;
CREATE INDEX order_lines_awaiting ON order_lines (item_id) WHERE awaiting_stock = 1;
