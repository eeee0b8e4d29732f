-- Who may act for an actor besides what their tokens say: the members profile-service granted itself (a signed-in
-- user registering an actor becomes its member). Written by the 'profile-views' processor from ActorMemberJoinedEvent,
-- in the command's transaction; rebuildable from the event store. Subjects are pseudonymous ids, never e-mails.
CREATE TABLE actor_membership (
    actor_id       VARCHAR(64)  NOT NULL,
    member_subject VARCHAR(255) NOT NULL,
    joined_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor_id, member_subject)
);
CREATE INDEX actor_membership_by_subject ON actor_membership (member_subject);
