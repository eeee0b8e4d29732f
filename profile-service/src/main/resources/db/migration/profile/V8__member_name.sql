-- The names of the people who are members of an organisation here, as their sign-in tokens give them (OpenID Connect's
-- `name`), so that colleagues see who is who rather than pseudonymous subjects. Apart from the events on purpose: an
-- event is kept for ever, a name must be forgettable. A row lives while its person is a member of an organisation here
-- (it goes with the last membership) and follows the token: written when the person registers or joins an
-- organisation, refreshed when it opens the console (GET /api/me/actors) with a name that changed.
CREATE TABLE member_name (
    member_subject VARCHAR(255) PRIMARY KEY,
    display_name   VARCHAR(80)  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
