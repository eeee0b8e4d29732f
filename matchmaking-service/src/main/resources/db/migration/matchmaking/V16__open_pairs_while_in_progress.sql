-- A pair is now held for as long as its introduction is in progress, as the matcher tells it: waiting for its answers
-- (as before), then, once both sides accepted, until an outcome closes it. The introductions accepted before this
-- release and still in progress are claimed now: accepted by both sides, with no partnership formed through them in
-- force and no outcome that closes them (none, or the one that happened last a follow-up planned; on the same day,
-- the one recorded last). A pair already held (by a proposal waiting for its answers) keeps its claim; of two
-- accepted introductions of a pair, the one proposed last holds it (by its proposal's instant, then its id), the one
-- the matcher names. Pairs in Java's order, as V14 stores them.
WITH RECURSIVE
    accepted AS (
        SELECT DISTINCT e.aggregateidentifier AS introduction_id
        FROM domainevententry e
        WHERE e.type = 'Introduction'
          AND e.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent'
          AND (convert_from(e.payload, 'UTF8')::jsonb ->> 'bothSidesAccepted')::boolean),
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
    -- Partnerships in force, taken in the order they were recorded: a formation adds one, an end takes one away (none
    -- below zero), as the introduction counts them.
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
    carried_on AS (
        SELECT a.introduction_id
        FROM accepted a
                 LEFT JOIN latest_outcome l ON l.introduction_id = a.introduction_id
                 LEFT JOIN partnerships_now p ON p.introduction_id = a.introduction_id
        WHERE COALESCE(p.partnerships, 0) = 0
          AND (l.outcome IS NULL OR l.outcome = 'FOLLOW_UP_PLANNED')),
    pairs AS (
        SELECT LEAST((proposal ->> 'actorId') COLLATE "C", (proposal ->> 'partnerActorId') COLLATE "C")    AS first_actor_id,
               GREATEST((proposal ->> 'actorId') COLLATE "C", (proposal ->> 'partnerActorId') COLLATE "C") AS second_actor_id,
               introduction_id, (proposal ->> 'proposedAt')::timestamptz AS proposed_at
        FROM (SELECT e.aggregateidentifier AS introduction_id,
                     convert_from(e.payload, 'UTF8')::jsonb AS proposal
              FROM domainevententry e
                       JOIN carried_on c ON c.introduction_id = e.aggregateidentifier
              WHERE e.type = 'Introduction'
                AND e.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionProposedEvent') proposals)
INSERT INTO open_introduction_pair (first_actor_id, second_actor_id, introduction_id)
SELECT DISTINCT ON (first_actor_id, second_actor_id) first_actor_id, second_actor_id, introduction_id
FROM pairs
WHERE first_actor_id < second_actor_id
ORDER BY first_actor_id, second_actor_id, proposed_at DESC, introduction_id COLLATE "C" DESC
ON CONFLICT DO NOTHING;
