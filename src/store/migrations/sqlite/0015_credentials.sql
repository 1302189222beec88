-- Credentials that end (issue 12). API keys get an expiry, a last-used time and the prefix they
-- are listed by (the first characters of the key, which identify it without giving it away).
-- Keys made before this migration expire a year after they were made and have no prefix.
ALTER TABLE api_keys ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE api_keys ADD COLUMN expires_at BIGINT;
ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
UPDATE api_keys SET expires_at = created_at + 365 * 86400 * 1000000;
CREATE INDEX api_keys_user ON api_keys (user_id);

-- The server purges expired tokens and idempotency answers past their window
-- (auth::PurgeExpiredTokens, api::PurgeIdempotencyKeys) by these.
CREATE INDEX auth_tokens_expiry ON auth_tokens (expires_at);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
