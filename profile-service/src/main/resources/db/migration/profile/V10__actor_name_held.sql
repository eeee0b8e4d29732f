-- Every name an actor has held at every commune it has had, so that an import recognises an actor it registered
-- before under its former name (or before it moved): re-importing the file after a rename must neither register the
-- organisation twice nor bring back the contact person it holds once that person has been erased. Written by the
-- 'profile-views' processor with the registration and each profile update; rows are never deleted (names and
-- communes are not personal data, and they are in the events anyway).
CREATE TABLE actor_name_held (
    actor_id       VARCHAR(64)  NOT NULL,
    home_territory VARCHAR(16)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    PRIMARY KEY (actor_id, home_territory, name)
);
CREATE INDEX actor_name_held_by_home ON actor_name_held (home_territory);

-- The names held before this table existed, from the event store (payloads are the events' JSON in UTF-8).
INSERT INTO actor_name_held (actor_id, home_territory, name)
SELECT DISTINCT aggregateidentifier,
       convert_from(payload, 'UTF8')::jsonb ->> 'homeTerritory',
       convert_from(payload, 'UTF8')::jsonb ->> 'name'
FROM domainevententry
WHERE payloadtype IN ('fr.labos.partenariats.schema.profile.ActorRegisteredEvent',
                      'fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent')
ON CONFLICT DO NOTHING;
