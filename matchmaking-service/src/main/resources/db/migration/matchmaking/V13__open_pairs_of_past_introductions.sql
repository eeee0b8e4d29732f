-- A past introduction imported from a lab's records that still waits for its answers holds its pair of actors, as a
-- proposal does; those imported before it did are claimed now, unless the pair is already held (by a proposal made
-- beside it meanwhile, which keeps it). Same selection as the table's creation: proposed, with no decline, withdrawal
-- or expiry, and not accepted by both sides.
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
ORDER BY first_actor_id, second_actor_id, globalindex DESC
ON CONFLICT DO NOTHING;
