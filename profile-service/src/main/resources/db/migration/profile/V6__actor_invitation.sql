-- The invitations to join an actor, for those who act for it to see which are still waiting, and for a code's holder
-- to be sent to the right actor. Never the code nor its digest: the aggregate alone checks a code. Written by the
-- 'profile-views' processor in the command's transaction; rebuildable from the event store.
CREATE TABLE actor_invitation (
    invitation_id VARCHAR(64)  PRIMARY KEY,
    actor_id      VARCHAR(64)  NOT NULL,
    invited_by    VARCHAR(255),
    invited_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    redeemed_by   VARCHAR(255),
    redeemed_at   TIMESTAMPTZ,
    revoked_by    VARCHAR(255),
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX actor_invitation_by_actor ON actor_invitation (actor_id, invited_at);
