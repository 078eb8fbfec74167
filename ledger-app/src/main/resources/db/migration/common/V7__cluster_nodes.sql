-- Nodes sharing this database announce themselves here, so each can compute its fair share of the streaming
-- processors' segments (SegmentBalancer). A node is live while its heartbeat is recent.
CREATE TABLE cluster_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
