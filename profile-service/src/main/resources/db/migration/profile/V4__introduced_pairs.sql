-- Introductions as profile-service learns them from lab.matchmaking.events: once both sides accepted (double opt-in),
-- each side's members may read the other side's contact person. Written by the introductions consumer, whose Kafka
-- offsets are committed only after this table's transaction; keyed by introduction, so a redelivered event rewrites
-- the same row. The contact itself stays in actor_contact: erasing it there still wins.
CREATE TABLE introduced_pair (
    introduction_id  VARCHAR(64) PRIMARY KEY,
    actor_id         VARCHAR(64),
    partner_actor_id VARCHAR(64),
    accepted_at      TIMESTAMPTZ
);
CREATE INDEX introduced_pair_by_actor ON introduced_pair (actor_id) WHERE accepted_at IS NOT NULL;
CREATE INDEX introduced_pair_by_partner ON introduced_pair (partner_actor_id) WHERE accepted_at IS NOT NULL;
