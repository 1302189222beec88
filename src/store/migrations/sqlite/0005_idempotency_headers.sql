-- The headers a replayed response must carry like the first one (Location, ETag), as a JSON
-- object.
ALTER TABLE idempotency_keys ADD COLUMN headers TEXT NOT NULL DEFAULT '{}';
