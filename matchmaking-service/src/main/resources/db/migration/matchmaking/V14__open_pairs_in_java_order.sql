-- A pair's two actors are stored in the order the service gives them (ActorPair: Java's String order), and the CHECK
-- that guards it compared them with the database's collation instead. The two agree on the ids the services make
-- (lowercase UUIDs), but under a linguistic collation (fr_FR, en_US, ICU) "Zulu" sorts after "alpha" where Java puts
-- it first: the claim of such a pair failed on the CHECK (an error, not a refusal), and V12/V13 (LEAST/GREATEST)
-- stored the pairs they claimed in the collation's order, which a proposal's lookup would not find. Compared byte by
-- byte ("C"), UTF-8 ids sort as Java sorts them (up to U+FFFF; no id the lab makes goes past it).
ALTER TABLE open_introduction_pair DROP CONSTRAINT open_introduction_pair_check;

ALTER TABLE open_introduction_pair
    ALTER COLUMN first_actor_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN second_actor_id TYPE VARCHAR(255) COLLATE "C";

-- Pairs claimed by V12/V13 in the collation's order, turned round. No pair can be there both ways: a claim in Java's
-- order of a pair the collation orders the other way failed on the CHECK.
UPDATE open_introduction_pair
SET first_actor_id = second_actor_id, second_actor_id = first_actor_id
WHERE first_actor_id > second_actor_id;

ALTER TABLE open_introduction_pair ADD CONSTRAINT open_introduction_pair_ordered CHECK (first_actor_id < second_actor_id);
