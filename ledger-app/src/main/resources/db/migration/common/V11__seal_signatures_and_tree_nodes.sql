-- Signed seals (see docs/auditors-proofs.md). Seals made before signing existed keep NULL in all three columns:
-- they are facts and are not rewritten. The private key is never stored here; only its key id.
ALTER TABLE ledger_seal ADD COLUMN ledger_id VARCHAR(100);
ALTER TABLE ledger_seal ADD COLUMN key_id VARCHAR(100);
ALTER TABLE ledger_seal ADD COLUMN signature VARCHAR(100);

-- Interior hashes of the RFC 9162 Merkle tree over the sealed event hashes, kept so that inclusion and consistency
-- proofs need not rehash the whole history: the hash of every complete subtree of 2^tree_level leaves for
-- tree_level >= 6 (64 events), whose leaves are events node_index * 2^tree_level ... in global-position order, the
-- first and last of them at first_position and last_position. Derived from sealed events only (which never change),
-- written by the sealer; nothing is trusted from here: a proof built from a wrong node fails against the signed root.
CREATE TABLE ledger_tree_node (
    tree_level     INT         NOT NULL,
    node_index     BIGINT      NOT NULL,
    hash           VARCHAR(64) NOT NULL,
    first_position BIGINT      NOT NULL,
    last_position  BIGINT      NOT NULL,
    CONSTRAINT pk_ledger_tree_node PRIMARY KEY (tree_level, node_index)
);
