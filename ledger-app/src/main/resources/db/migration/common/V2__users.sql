-- Accounts created by the ledger itself (the bootstrap administrator). Only bcrypt hashes are stored.
CREATE TABLE ledger_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
