-- Pick lists can be cancelled while picking (the goods were not found, the order is to ship
-- otherwise): a shipment whose cancelled_at is set holds nothing and never ships. The status
-- column's CHECK predates cancellation (SQLite cannot change a CHECK without rebuilding the
-- table, which the foreign keys to shipments forbid inside a migration's transaction), so it
-- keeps 'picking' and the fulfillment module reports such a shipment as cancelled.
ALTER TABLE shipments ADD COLUMN cancelled_at BIGINT;
ALTER TABLE shipments ADD COLUMN cancel_reason TEXT;
