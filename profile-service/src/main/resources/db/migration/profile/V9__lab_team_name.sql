-- The names of the lab's team (its facilitators and admins), as their own sign-in tokens give them, so that an
-- organisation's people read who proposed, reminded or withdrew their introduction by name where the history records a
-- pseudonymous subject. Apart from the events, as members' names are. No event says that someone left the team (roles
-- are the identity provider's): a row is written when its person opens the console or registers an organisation, its
-- last sighting refreshed at most once a day, and it is deleted once its person has not been seen for the configured
-- time (LAB_TEAM_NAMES_FORGOTTEN_AFTER), or as soon as that person signs in with another role.
CREATE TABLE lab_team_name (
    subject      VARCHAR(255) PRIMARY KEY,
    display_name VARCHAR(80)  NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    seen_at      TIMESTAMPTZ  NOT NULL
);
