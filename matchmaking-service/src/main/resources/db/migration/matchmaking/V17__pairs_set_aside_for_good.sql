-- The pairs of actors the matcher never proposes again, for as long as the reason lasts: a side declined an
-- introduction of theirs as competitor or already partners (for good), or a partnership formed through one is in force
-- (until it ends). A row per introduction that sets its pair aside, written in the transaction that appends the
-- decline or the outcome. The matcher's rankings read the same from the introduction events on Kafka, in memory; this
-- table is what a proposal from the matcher or an actor's request is checked against as well, so that neither comes
-- through while those events have not reached the instance (the broker or the relay away): a competitor refused for
-- good is never asked again. A facilitator may still introduce such a pair by hand, as before.
CREATE TABLE lasting_pair_exclusion (
    introduction_id VARCHAR(255) PRIMARY KEY,
    first_actor_id  VARCHAR(255) COLLATE "C" NOT NULL,
    second_actor_id VARCHAR(255) COLLATE "C" NOT NULL,
    reason          VARCHAR(32)  NOT NULL
        CHECK (reason IN ('DECLINED_COMPETITOR', 'DECLINED_ALREADY_PARTNERS', 'PARTNERS')),
    -- In the service's (Java's) order of ids, as open_introduction_pair since V14.
    CHECK (first_actor_id < second_actor_id)
);
CREATE INDEX lasting_pair_exclusion_by_pair ON lasting_pair_exclusion (first_actor_id, second_actor_id);

-- The introductions recorded before this table: declined for good, or accepted with a partnership in force (formations
-- and ends counted in the order they were recorded, none below zero, as V16 counts them; or the outcome that happened
-- last a formation, as the matcher reads it).
WITH RECURSIVE
    proposals AS (
        SELECT e.aggregateidentifier AS introduction_id,
               LEAST((p ->> 'actorId') COLLATE "C", (p ->> 'partnerActorId') COLLATE "C")    AS first_actor_id,
               GREATEST((p ->> 'actorId') COLLATE "C", (p ->> 'partnerActorId') COLLATE "C") AS second_actor_id
        FROM domainevententry e, LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS p) payload
        WHERE e.type = 'Introduction'
          AND e.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionProposedEvent'),
    declined AS (
        SELECT DISTINCT ON (e.aggregateidentifier) e.aggregateidentifier AS introduction_id,
               CASE convert_from(e.payload, 'UTF8')::jsonb ->> 'reason'
                   WHEN 'COMPETITOR' THEN 'DECLINED_COMPETITOR' ELSE 'DECLINED_ALREADY_PARTNERS' END AS reason
        FROM domainevententry e
        WHERE e.type = 'Introduction'
          AND e.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent'
          AND convert_from(e.payload, 'UTF8')::jsonb ->> 'reason' IN ('COMPETITOR', 'ALREADY_PARTNERS')
        ORDER BY e.aggregateidentifier, e.sequencenumber),
    outcomes AS (
        SELECT e.aggregateidentifier AS introduction_id, e.sequencenumber,
               convert_from(e.payload, 'UTF8')::jsonb ->> 'outcome'              AS outcome,
               (convert_from(e.payload, 'UTF8')::jsonb ->> 'occurredOn')::date AS occurred_on
        FROM domainevententry e
        WHERE e.type = 'Introduction'
          AND e.payloadtype = 'fr.labos.partenariats.schema.matching.OutcomeRecordedEvent'),
    latest_outcome AS (
        SELECT DISTINCT ON (introduction_id) introduction_id, outcome
        FROM outcomes
        ORDER BY introduction_id, occurred_on DESC, sequencenumber DESC),
    partnership_steps AS (
        SELECT introduction_id, outcome,
               row_number() OVER (PARTITION BY introduction_id ORDER BY sequencenumber) AS step
        FROM outcomes
        WHERE outcome IN ('PARTNERSHIP_FORMED', 'PARTNERSHIP_ENDED')),
    in_force (introduction_id, step, partnerships) AS (
        SELECT introduction_id, step, CASE WHEN outcome = 'PARTNERSHIP_FORMED' THEN 1 ELSE 0 END
        FROM partnership_steps
        WHERE step = 1
        UNION ALL
        SELECT s.introduction_id, s.step,
               CASE WHEN s.outcome = 'PARTNERSHIP_FORMED' THEN f.partnerships + 1 ELSE GREATEST(0, f.partnerships - 1) END
        FROM in_force f
                 JOIN partnership_steps s ON s.introduction_id = f.introduction_id AND s.step = f.step + 1),
    partnerships_now AS (
        SELECT DISTINCT ON (introduction_id) introduction_id, partnerships
        FROM in_force
        ORDER BY introduction_id, step DESC),
    partners AS (
        SELECT l.introduction_id, 'PARTNERS' AS reason
        FROM latest_outcome l
                 LEFT JOIN partnerships_now p ON p.introduction_id = l.introduction_id
        WHERE COALESCE(p.partnerships, 0) > 0 OR l.outcome = 'PARTNERSHIP_FORMED'),
    lasting AS (
        SELECT introduction_id, reason FROM declined
        UNION ALL
        SELECT introduction_id, reason FROM partners)
INSERT INTO lasting_pair_exclusion (introduction_id, first_actor_id, second_actor_id, reason)
SELECT l.introduction_id, p.first_actor_id, p.second_actor_id, l.reason
FROM lasting l
         JOIN proposals p ON p.introduction_id = l.introduction_id
WHERE p.first_actor_id < p.second_actor_id
ON CONFLICT DO NOTHING;
