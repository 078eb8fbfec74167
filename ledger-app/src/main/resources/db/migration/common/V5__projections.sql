-- Read models for queries and dashboards, kept by the pooled streaming processor "projections".
-- They are disposable: a token reset clears every table (@ResetHandler) and a replay rebuilds them from the events.
-- Every row keeps the aggregate sequence of the last event applied to it (last_sequence, so a re-delivered event is
-- a no-op), that event's global position (last_position) and when it was recorded (updated_at).
-- Portable SQL: the same file serves H2 2.x and PostgreSQL. Lists of codes for display are comma-separated in
-- signing order (record ids never contain commas); the *_party and *_domain tables hold the same facts as rows for
-- filtering and grouping.

CREATE TABLE dash_party (
    code           VARCHAR(255) PRIMARY KEY,
    name_zh        VARCHAR(500) NOT NULL,
    name_en        VARCHAR(500),
    kind           VARCHAR(40)  NOT NULL,
    parent_code    VARCHAR(255),
    established_on DATE,
    renames        INTEGER      NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    last_position  BIGINT       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dash_party_kind ON dash_party (kind);
CREATE INDEX ix_dash_party_parent ON dash_party (parent_code);

CREATE TABLE dash_agreement (
    id              VARCHAR(255)  PRIMARY KEY,
    title           VARCHAR(1000) NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    signed_on       DATE          NOT NULL,
    signed_year     INTEGER       NOT NULL,
    signed_month    CHAR(7)       NOT NULL,
    place           VARCHAR(500),
    occasion        VARCHAR(500),
    domains         VARCHAR(1000) NOT NULL,
    signatories     VARCHAR(8000) NOT NULL,
    observers       VARCHAR(8000) NOT NULL,
    items_listed    INTEGER       NOT NULL,
    items_started   INTEGER       NOT NULL,
    items_completed INTEGER       NOT NULL,
    items_dropped   INTEGER       NOT NULL,
    payments_total  DECIMAL(22,2) NOT NULL,
    payments        INTEGER       NOT NULL,
    amendments      INTEGER       NOT NULL,
    closed_on       DATE,
    superseded_by   VARCHAR(255),
    last_sequence   BIGINT        NOT NULL,
    last_position   BIGINT        NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dash_agreement_signed ON dash_agreement (signed_on);
CREATE INDEX ix_dash_agreement_status ON dash_agreement (status);
CREATE INDEX ix_dash_agreement_occasion ON dash_agreement (occasion);

CREATE TABLE dash_agreement_participant (
    agreement_id  VARCHAR(255) NOT NULL,
    party_code    VARCHAR(255) NOT NULL,
    party_role    VARCHAR(20)  NOT NULL,
    since         DATE         NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (agreement_id, party_code)
);
CREATE INDEX ix_dash_agreement_participant_party ON dash_agreement_participant (party_code);

CREATE TABLE dash_agreement_domain (
    agreement_id VARCHAR(255) NOT NULL,
    domain_code  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (agreement_id, domain_code)
);
CREATE INDEX ix_dash_agreement_domain_code ON dash_agreement_domain (domain_code);

CREATE TABLE dash_agreement_item (
    agreement_id        VARCHAR(255)  NOT NULL,
    item_id             VARCHAR(255)  NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    domain_code         VARCHAR(40),
    status              VARCHAR(20)   NOT NULL,
    responsible_parties VARCHAR(8000) NOT NULL,
    listed_on           DATE          NOT NULL,
    due_on              DATE,
    started_on          DATE,
    completed_on        DATE,
    dropped_on          DATE,
    item_count          INTEGER       NOT NULL,
    note                VARCHAR(4000),
    last_sequence       BIGINT        NOT NULL,
    last_position       BIGINT        NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agreement_id, item_id)
);

CREATE TABLE dash_agreement_item_party (
    agreement_id VARCHAR(255) NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    party_code   VARCHAR(255) NOT NULL,
    PRIMARY KEY (agreement_id, item_id, party_code)
);
CREATE INDEX ix_dash_agreement_item_party_party ON dash_agreement_item_party (party_code);

-- One row per payment, as last corrected: a correction changes the agreement's payments_total by the difference.
CREATE TABLE dash_agreement_payment (
    agreement_id  VARCHAR(255)  NOT NULL,
    payment_id    VARCHAR(255)  NOT NULL,
    payer         VARCHAR(255),
    payee         VARCHAR(255),
    amount        DECIMAL(22,2) NOT NULL,
    paid_on       DATE,
    last_sequence BIGINT        NOT NULL,
    last_position BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agreement_id, payment_id)
);

CREATE TABLE dash_project (
    id                VARCHAR(255)  PRIMARY KEY,
    name              VARCHAR(1000) NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    intention         BOOLEAN       NOT NULL,
    host_parties      VARCHAR(8000) NOT NULL,
    investors         VARCHAR(8000) NOT NULL,
    occasion          VARCHAR(500),
    agreement_id      VARCHAR(255),
    domain_code       VARCHAR(40),
    agreed_investment DECIMAL(22,2),
    actual_investment DECIMAL(22,2) NOT NULL,
    investment_reports INTEGER      NOT NULL,
    project_count     INTEGER       NOT NULL,
    signed_on         DATE          NOT NULL,
    signed_year       INTEGER       NOT NULL,
    signed_month      CHAR(7)       NOT NULL,
    firmed_up_on      DATE,
    started_on        DATE,
    completed_on      DATE,
    cancelled_on      DATE,
    note              VARCHAR(4000),
    last_sequence     BIGINT        NOT NULL,
    last_position     BIGINT        NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dash_project_signed ON dash_project (signed_on);
CREATE INDEX ix_dash_project_status ON dash_project (status);
CREATE INDEX ix_dash_project_occasion ON dash_project (occasion);

CREATE TABLE dash_project_party (
    project_id VARCHAR(255) NOT NULL,
    party_code VARCHAR(255) NOT NULL,
    party_role VARCHAR(20)  NOT NULL,
    PRIMARY KEY (project_id, party_code, party_role)
);
CREATE INDEX ix_dash_project_party_party ON dash_project_party (party_code);

-- One row per report of actual investment, as last corrected: actual_investment of dash_project is their sum.
CREATE TABLE dash_project_investment (
    project_id    VARCHAR(255)  NOT NULL,
    report_id     VARCHAR(255)  NOT NULL,
    amount        DECIMAL(22,2) NOT NULL,
    reported_on   DATE          NOT NULL,
    last_sequence BIGINT        NOT NULL,
    last_position BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, report_id)
);

CREATE TABLE dash_programme (
    id            VARCHAR(255)  PRIMARY KEY,
    name          VARCHAR(1000) NOT NULL,
    period_text   VARCHAR(100),
    participants  VARCHAR(8000) NOT NULL,
    categories    VARCHAR(8000) NOT NULL,
    declared_on   DATE          NOT NULL,
    note          VARCHAR(4000),
    last_sequence BIGINT        NOT NULL,
    last_position BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE dash_programme_party (
    programme_id VARCHAR(255) NOT NULL,
    party_code   VARCHAR(255) NOT NULL,
    PRIMARY KEY (programme_id, party_code)
);
CREATE INDEX ix_dash_programme_party_party ON dash_programme_party (party_code);

CREATE TABLE dash_programme_item (
    programme_id        VARCHAR(255)  NOT NULL,
    item_id             VARCHAR(255)  NOT NULL,
    name                VARCHAR(2000) NOT NULL,
    category            VARCHAR(500),
    status              VARCHAR(20)   NOT NULL,
    added_later         BOOLEAN       NOT NULL,
    item_count          INTEGER       NOT NULL,
    responsible_parties VARCHAR(8000) NOT NULL,
    target_on           DATE,
    listed_on           DATE          NOT NULL,
    completed_on        DATE,
    withdrawn_on        DATE,
    last_sequence       BIGINT        NOT NULL,
    last_position       BIGINT        NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (programme_id, item_id)
);

CREATE TABLE dash_programme_item_party (
    programme_id VARCHAR(255) NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    party_code   VARCHAR(255) NOT NULL,
    PRIMARY KEY (programme_id, item_id, party_code)
);
CREATE INDEX ix_dash_programme_item_party_party ON dash_programme_item_party (party_code);
