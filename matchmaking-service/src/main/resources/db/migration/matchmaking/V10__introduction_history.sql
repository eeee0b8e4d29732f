-- The tamper-evident history of introductions, written in the transaction that appends each introduction event to
-- domainevententry, so that a committed event always has its hash.

-- One row per introduction event: its link in the introduction's hash chain and its leaf in the Merkle tree over
-- every introduction event. Hashes are lower-case hex SHA-256; hash is over the event's canonical form (which holds
-- previous_hash), leaf_hash is RFC 9162's SHA-256(0x00 || canonical form).
CREATE TABLE introduction_history (
    introduction_id  VARCHAR(255) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    global_index     BIGINT       NOT NULL UNIQUE,
    previous_hash    CHAR(64),
    hash             CHAR(64)     NOT NULL,
    leaf_index       BIGINT       NOT NULL UNIQUE,
    leaf_hash        CHAR(64)     NOT NULL,
    PRIMARY KEY (introduction_id, sequence_number)
);

-- The size of the tree. Every appending transaction increments it and holds the row's lock until it commits, so that
-- leaf indexes are dense and committed in order (a rolled-back append gives its index back).
CREATE TABLE introduction_log (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    tree_size BIGINT   NOT NULL
);
INSERT INTO introduction_log (id, tree_size) VALUES (1, 0);

-- Every signed tree head the service published, by size; sequence_number is its place on the log's event stream.
CREATE TABLE introduction_log_head (
    tree_size       BIGINT      PRIMARY KEY,
    root_hash       CHAR(64)    NOT NULL,
    signed_at_ms    BIGINT      NOT NULL,
    algorithm       VARCHAR(32) NOT NULL,
    signature       TEXT        NOT NULL,
    key_id          CHAR(64)    NOT NULL,
    sequence_number BIGINT      NOT NULL UNIQUE
);
