-- An order's status, stored so that lists can filter by it. It is still derived: the commands
-- that change an order's lines, allocations or holds store orders::DeriveStatus() of the result
-- (see orders/order_repository.h), and the invariant checker compares the two.
--
-- Values: on_hold, open, backordered, partially_shipped, shipped, invoiced, closed, cancelled.
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'backordered';

-- Backfill with the same rules as orders::DeriveStatus (order.h), in portable SQL:
--   wanted = SUM(quantity - cancelled); shipped, invoiced likewise summed; a line's unallocated
--   quantity = open - SUM(its allocations), counted only when positive.
UPDATE orders SET status = (
  SELECT CASE
    WHEN COALESCE(SUM(l.quantity - l.quantity_cancelled), 0) = 0 THEN 'cancelled'
    WHEN SUM(l.quantity_shipped) < SUM(l.quantity - l.quantity_cancelled)
         AND EXISTS (SELECT 1 FROM order_holds h
                     WHERE h.order_id = orders.id AND h.released_at IS NULL) THEN 'on_hold'
    WHEN SUM(l.quantity_invoiced) = SUM(l.quantity - l.quantity_cancelled) THEN 'invoiced'
    WHEN SUM(l.quantity_shipped) = SUM(l.quantity - l.quantity_cancelled) THEN 'shipped'
    WHEN SUM(l.quantity_shipped) > 0 THEN 'partially_shipped'
    WHEN SUM(CASE
               WHEN l.quantity - l.quantity_shipped - l.quantity_cancelled
                    - COALESCE((SELECT SUM(a.quantity) FROM order_allocations a
                                WHERE a.order_line_id = l.id), 0) > 0 THEN 1
               ELSE 0
             END) > 0 THEN 'backordered'
    ELSE 'open'
  END
  FROM order_lines l WHERE l.order_id = orders.id
);

-- Order lists by status, newest first (by customer: orders_customer). No (customer, status)
-- index: each index costs every placed order a write, and one customer's orders are few.
CREATE INDEX orders_status ON orders (status, id);
