-- Changing a placed order (issue 14: PATCH /api/v1/orders/{ref}).
--
-- A line may have a requested date of its own; NULL means the order's. Backorder release
-- serves the earliest of them first.
ALTER TABLE order_lines ADD COLUMN requested_date TEXT;

-- Who changed an order, once per user: like who entered it, nobody who changed an order may
-- decide on its approvals or release its holds (segregation of duties).
CREATE TABLE order_changers (
  order_id INTEGER NOT NULL REFERENCES orders (id),
  actor TEXT NOT NULL,
  first_changed_at BIGINT NOT NULL,
  PRIMARY KEY (order_id, actor)
) WITHOUT ROWID;
