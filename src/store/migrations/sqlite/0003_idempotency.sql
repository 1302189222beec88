-- Responses to POST requests that carried an Idempotency-Key, stored in the transaction of
-- the command they answer, so a retry gets the first answer and creates nothing. Keys are
-- scoped to the user who sent them.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  -- SHA-256 of method, path and body: the same key with another request is refused
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
