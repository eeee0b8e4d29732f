-- Read models of profile-service, written by the subscribing 'profile-views' processor in the command's
-- transaction. They are rebuildable from the event store.
CREATE TABLE actor_view (
    actor_id      VARCHAR(64)  PRIMARY KEY,
    document      JSONB        NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE post_view (
    post_id       VARCHAR(64)  PRIMARY KEY,
    kind          VARCHAR(8)   NOT NULL CHECK (kind IN ('NEED', 'OFFER')),
    actor_id      VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    document      JSONB        NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX post_view_by_actor ON post_view (actor_id, kind, registered_at);

-- Contact persons are personal data and are kept out of the (immutable) events: erasing a row here erases them.
CREATE TABLE actor_contact (
    actor_id VARCHAR(64)  PRIMARY KEY,
    name     VARCHAR(200),
    email    VARCHAR(320),
    phone    VARCHAR(40)
);
