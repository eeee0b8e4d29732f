-- The list of sessions reads the rows of SessionPlannedEvent among all of this store's events, which introductions
-- and meetings held outnumber by far and more every year: a partial index keeps that read to the sessions' own rows.
-- The query names the payload type as a literal (not a parameter), so that the planner can match the predicate.
CREATE INDEX domainevententry_session_planned ON domainevententry (globalindex)
    WHERE payloadtype = 'fr.labos.partenariats.schema.session.SessionPlannedEvent';
