package coop.ledger.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The interior hashes of the sealed tree, kept in {@code ledger_tree_node} and in memory: every complete subtree of
 * {@value #BLOCK} or more leaves (a block of {@value #BLOCK} events, two blocks, four...). With them a proof costs
 * one read of at most {@value #BLOCK} event hashes per event proven plus lookups, whatever the ledger's size.
 * Only sealed events are covered (they never change); when another node sealed, or the table is behind (after a
 * restore, or on a ledger sealed before the table existed) the missing nodes are read from the table or built from
 * the events. Nothing here is trusted: a proof built from a wrong node does not lead to the signed root.
 */
final class TreeNodes {

    static final int BLOCK_LEVEL = 6;
    static final int BLOCK = 1 << BLOCK_LEVEL;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    /** levels.get(h - BLOCK_LEVEL).get(i): the subtree of 2^h leaves starting at leaf i * 2^h. */
    private final List<List<byte[]>> levels = new ArrayList<>();
    private long[] blockFirst = new long[1024];
    private long[] blockLast = new long[1024];

    TreeNodes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One event of the tree: its position and hash. */
    record Leaf(long position, byte[] hash) {
    }

    synchronized long blocks() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    /** Forgets what is held in memory (as a restart would); the table is read again when needed. */
    synchronized void forget() {
        levels.clear();
    }

    /**
     * Makes every complete block of the first {@code leaves} sealed leaves (positions up to {@code upTo}) known:
     * read from the table, else built from the events and written to it, on a connection of its own.
     */
    synchronized void cover(long leaves, long upTo) throws SQLException {
        long needed = leaves / BLOCK;
        if (blocks() >= needed) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            load(connection);
            if (blocks() >= needed) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                build(connection, needed, upTo);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                levels.clear(); // another node may have written the same nodes first: read theirs next time
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** A view of the tree's first {@code size} leaves for one proof (it caches the blocks it reads). */
    Proving proving(Connection connection, long size) {
        return new Proving(connection, size);
    }

    final class Proving implements MerkleTree.Subtrees {

        private final Connection connection;
        private final long size;
        private final Map<Long, List<Leaf>> leaves = new HashMap<>();

        private Proving(Connection connection, long size) {
            this.connection = connection;
            this.size = size;
        }

        @Override
        public byte[] aligned(long start, int level) {
            if (start + (1L << level) > size) {
                throw new IllegalArgumentException("subtree beyond the tree of " + size);
            }
            if (level >= BLOCK_LEVEL) {
                synchronized (TreeNodes.this) {
                    return levels.get(level - BLOCK_LEVEL).get((int) (start >> level));
                }
            }
            long block = start / BLOCK;
            List<Leaf> blockLeaves = block(block);
            List<byte[]> hashes = new ArrayList<>();
            int from = (int) (start - block * BLOCK);
            for (int i = from; i < from + (1 << level); i++) {
                hashes.add(MerkleTree.leaf(blockLeaves.get(i).hash()));
            }
            return MerkleTree.over(hashes).aligned(0, level);
        }

        /** The index of the leaf at {@code position} in this tree, or -1 when it is not a leaf of it. */
        long leafIndex(long position) {
            long block;
            synchronized (TreeNodes.this) {
                int n = (int) blocks();
                int lo = 0;
                int hi = n - 1;
                int found = -1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    if (blockFirst[mid] <= position) {
                        found = mid;
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                block = found < 0 ? 0 : position <= blockLast[found] ? found : found + 1;
            }
            List<Leaf> blockLeaves = block(block);
            for (int i = 0; i < blockLeaves.size(); i++) {
                if (blockLeaves.get(i).position() == position) {
                    long index = block * BLOCK + i;
                    return index < size ? index : -1;
                }
            }
            return -1;
        }

        private List<Leaf> block(long block) {
            return leaves.computeIfAbsent(block, b -> {
                try {
                    return readBlock(connection, b);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the events of block " + b, e);
                }
            });
        }
    }

    private List<Leaf> readBlock(Connection connection, long block) throws SQLException {
        long after;
        synchronized (this) {
            after = block == 0 ? Long.MIN_VALUE : blockLast[(int) block - 1];
        }
        List<Leaf> leaves = new ArrayList<>(BLOCK);
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_hash FROM "
                + "domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT " + BLOCK)) {
            select.setLong(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    leaves.add(new Leaf(rs.getLong(1), HEX.parseHex(rs.getString(2))));
                }
            }
        }
        return leaves;
    }

    private void load(Connection connection) throws SQLException {
        levels.clear();
        try (PreparedStatement select = connection.prepareStatement("SELECT tree_level, node_index, hash, "
                + "first_position, last_position FROM ledger_tree_node ORDER BY tree_level, node_index");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int level = rs.getInt(1) - BLOCK_LEVEL;
                long index = rs.getLong(2);
                if (level < 0 || level > levels.size()) {
                    continue;
                }
                if (level == levels.size()) {
                    levels.add(new ArrayList<>());
                }
                List<byte[]> nodes = levels.get(level);
                if (index != nodes.size()) {
                    continue; // a gap: the nodes above it are rebuilt
                }
                if (level == 0) {
                    remember((int) index, rs.getLong(4), rs.getLong(5));
                }
                nodes.add(HEX.parseHex(rs.getString(3)));
            }
        }
        // keep only nodes whose children are all known, so that build() continues a consistent tree
        for (int h = 1; h < levels.size(); h++) {
            List<byte[]> nodes = levels.get(h);
            int complete = levels.get(h - 1).size() / 2;
            while (nodes.size() > complete) {
                nodes.remove(nodes.size() - 1);
            }
        }
    }

    private void build(Connection connection, long needed, long upTo) throws SQLException {
        long after = blocks() == 0 ? Long.MIN_VALUE : blockLast[(int) blocks() - 1];
        // a node above the blocks may be missing even when all blocks are there (a gap in the table)
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_tree_node (tree_level, "
                + "node_index, hash, first_position, last_position) VALUES (?, ?, ?, ?, ?)")) {
            for (int h = 1; h < levels.size(); h++) {
                while (levels.get(h).size() < levels.get(h - 1).size() / 2) {
                    addParent(insert, h - 1, levels.get(h).size() * 2L + 1);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_hash FROM "
                    + "domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
                select.setLong(1, after);
                select.setLong(2, upTo);
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    List<byte[]> block = new ArrayList<>(BLOCK);
                    long first = 0;
                    while (blocks() < needed && rs.next()) {
                        if (block.isEmpty()) {
                            first = rs.getLong(1);
                        }
                        block.add(MerkleTree.leaf(HEX.parseHex(rs.getString(2))));
                        if (block.size() == BLOCK) {
                            addBlock(insert, MerkleTree.over(block).aligned(0, BLOCK_LEVEL), first, rs.getLong(1));
                            block.clear();
                        }
                    }
                }
            }
            insert.executeBatch();
        }
        if (blocks() < needed) {
            throw new IllegalStateException("the sealed events up to position " + upTo + " are fewer than "
                    + needed * BLOCK + ": events were removed; run the verification");
        }
    }

    private void addBlock(PreparedStatement insert, byte[] hash, long first, long last) throws SQLException {
        if (levels.isEmpty()) {
            levels.add(new ArrayList<>());
        }
        int index = levels.get(0).size();
        remember(index, first, last);
        add(insert, 0, hash);
        long i = index;
        int level = 0;
        while ((i & 1) == 1) {
            addParent(insert, level, i);
            i >>= 1;
            level++;
        }
    }

    /** Adds the parent of the nodes {@code right - 1} and {@code right} of {@code level}. */
    private void addParent(PreparedStatement insert, int level, long right) throws SQLException {
        if (levels.size() == level + 1) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> children = levels.get(level);
        add(insert, level + 1, MerkleTree.node(children.get((int) right - 1), children.get((int) right)));
    }

    private void add(PreparedStatement insert, int level, byte[] hash) throws SQLException {
        List<byte[]> nodes = levels.get(level);
        long index = nodes.size();
        nodes.add(hash);
        long span = 1L << level;
        insert.setInt(1, level + BLOCK_LEVEL);
        insert.setLong(2, index);
        insert.setString(3, HEX.formatHex(hash));
        insert.setLong(4, blockFirst[(int) (index * span)]);
        insert.setLong(5, blockLast[(int) (index * span + span - 1)]);
        insert.addBatch();
    }

    private void remember(int block, long first, long last) {
        if (block >= blockFirst.length) {
            blockFirst = Arrays.copyOf(blockFirst, block * 2);
            blockLast = Arrays.copyOf(blockLast, block * 2);
        }
        blockFirst[block] = first;
        blockLast[block] = last;
    }
}
