-- A migration that keeps PostgreSQL busy longer than MigrationsOutlastTheSocketTimeoutTest's socket timeout (1 s), as
-- a backfill or an index build over a big event store keeps it longer than the services' (30 s).
SELECT pg_sleep(2);
