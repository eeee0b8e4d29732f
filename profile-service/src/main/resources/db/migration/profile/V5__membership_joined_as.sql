-- The role of the account a member joined with (ADMIN, FACILITATOR, ACTOR_MEMBER), so that an actor's people tell the
-- facilitator who registered the actor for them from one of their own before they remove a membership. Written from
-- the principal's role in the joining event's metadata; the rows already there are filled from the event store.
ALTER TABLE actor_membership ADD COLUMN joined_as VARCHAR(32);

UPDATE actor_membership m
SET joined_as = joined.role
FROM (SELECT e.aggregateidentifier                                         AS actor_id,
             convert_from(e.payload, 'UTF8')::jsonb ->> 'memberSubject'    AS member_subject,
             convert_from(e.metadata, 'UTF8')::jsonb ->> 'principalRole'   AS role
      FROM domainevententry e
      WHERE e.payloadtype = 'fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent') joined
WHERE m.actor_id = joined.actor_id AND m.member_subject = joined.member_subject;
