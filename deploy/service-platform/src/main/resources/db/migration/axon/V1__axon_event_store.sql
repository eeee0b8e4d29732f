-- Axon's JDBC event store and token store, as Axon's PostgresEventTableFactory and PostgresTokenTableFactory
-- would create them: bytea payloads and a BIGSERIAL global index (gaps are tolerated by Axon's gap-aware token).
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA        NULL,
    tokentype     VARCHAR(255) NULL,
    timestamp     VARCHAR(255) NULL,
    owner         VARCHAR(255) NULL,
    PRIMARY KEY (processorname, segment)
);

-- Axon's JDBC saga store is configured by the starter; no saga runs here yet, but the tables keep it usable.
CREATE TABLE sagaentry (
    sagaid         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagatype       VARCHAR(255),
    serializedsaga BYTEA,
    PRIMARY KEY (sagaid)
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL    NOT NULL,
    associationkey   VARCHAR(255) NOT NULL,
    associationvalue VARCHAR(255),
    sagaid           VARCHAR(255) NOT NULL,
    sagatype         VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX associationvalueentry_saga ON associationvalueentry (sagatype, associationkey, associationvalue);
