-- After a start, the introductions' history counts the store's introduction events against its tree (a diagnostic),
-- among all of this store's events: a partial index keeps that count to the introductions' own rows. The query names
-- the aggregate type as a literal (not a parameter), so that the planner can match the predicate.
CREATE INDEX domainevententry_introduction ON domainevententry (globalindex)
    WHERE type = 'Introduction';
