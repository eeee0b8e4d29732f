-- The pairs of actors with an introduction waiting for its answers: at most one per unordered pair (first_actor_id
-- sorts before second_actor_id), claimed in the transaction that appends the proposal and released in the one that
-- ends its answer period (both sides accepted, declined, withdrawn, expired). A second proposal of the same pair is
-- refused even before the rankings, which learn of introductions from Kafka, have seen the first.
CREATE TABLE open_introduction_pair (
    first_actor_id  VARCHAR(255) NOT NULL,
    second_actor_id VARCHAR(255) NOT NULL,
    introduction_id VARCHAR(255) NOT NULL UNIQUE,
    PRIMARY KEY (first_actor_id, second_actor_id),
    CHECK (first_actor_id < second_actor_id)
);

-- The introductions already waiting for their answers when this table is created: proposed, with no decline,
-- withdrawal or expiry, and not accepted by both sides. Where a pair already had several (which the table now
-- prevents), the latest proposed is kept.
INSERT INTO open_introduction_pair (first_actor_id, second_actor_id, introduction_id)
SELECT DISTINCT ON (first_actor_id, second_actor_id) first_actor_id, second_actor_id, introduction_id
FROM (SELECT LEAST(proposal ->> 'actorId', proposal ->> 'partnerActorId')    AS first_actor_id,
             GREATEST(proposal ->> 'actorId', proposal ->> 'partnerActorId') AS second_actor_id,
             introduction_id, globalindex
      FROM (SELECT e.aggregateidentifier AS introduction_id, e.globalindex,
                   convert_from(e.payload, 'UTF8')::jsonb AS proposal
            FROM domainevententry e
            WHERE e.type = 'Introduction'
              AND e.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionProposedEvent') proposals
      WHERE NOT EXISTS (SELECT 1 FROM domainevententry later
                        WHERE later.aggregateidentifier = proposals.introduction_id
                          AND (later.payloadtype IN ('fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent',
                                                     'fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent',
                                                     'fr.labos.partenariats.schema.matching.IntroductionExpiredEvent')
                               OR (later.payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent'
                                   AND (convert_from(later.payload, 'UTF8')::jsonb ->> 'bothSidesAccepted')::boolean)))
     ) open_introductions
WHERE first_actor_id < second_actor_id
ORDER BY first_actor_id, second_actor_id, globalindex DESC;
