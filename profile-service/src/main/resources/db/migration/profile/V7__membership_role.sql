-- What each member granted here may do for its organisation: MANAGER (invites colleagues, names managers, removes
-- members) or MEMBER (acts for it, leaves it). The rows already here joined before roles existed, when every member
-- could do all of that: managers, as the event store reads their joining events (revision 1, upcast with that role).
-- The default stays: an instance of the previous release, still running during a rolling upgrade, writes its members
-- without a role, as revision 1 of their joining events, which is read as a manager too.
ALTER TABLE actor_membership ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'MANAGER';
