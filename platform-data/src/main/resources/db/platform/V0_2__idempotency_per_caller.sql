-- Idempotency-Key records belong to one caller (token subject within its client), no longer to a
-- whole client: all school users share one browser client, so per-client keys let one school's
-- retry replay another school's registration.
--
-- Rows written under the per-client scope have no known owner and cannot be replayed safely, so
-- they go; a retry sent across this upgrade is treated as a new request.
--
-- Databases created before this file already hold the services' own V1.. migrations, so it runs
-- out of order there (quarkus.flyway.out-of-order in this module's config); it touches only this
-- table and does not depend on anything a service creates.
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key ADD COLUMN subject varchar(255) NOT NULL;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (client_id, subject, idem_key);
