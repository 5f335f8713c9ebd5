-- CDS Hooks trial-matching service (org.fhirtrials.cds.PostgresCdsStore). Servers over one database
-- are stateless: a card issued by one replica may get its feedback at another.

-- Every card sent to an EHR, so feedback can be tied to its trial and unknown card ids refused.
-- No patient data: the card uuid, the trial and when it was issued. Rows older than
-- fhirtrials.cds.issued-cards-retention are pruned.
CREATE TABLE cds_issued_card (
    card_uuid  text        PRIMARY KEY,
    trial_id   text        NOT NULL,
    issued_at  timestamptz NOT NULL
);

CREATE INDEX cds_issued_card_issued_at_idx ON cds_issued_card (issued_at);

-- CDS Hooks 2.0 feedback, one row per feedback item, kept for analysis (never pruned here). The id
-- orders the rows as stored across replicas.
CREATE TABLE cds_feedback (
    id                    bigserial   PRIMARY KEY,
    card_uuid             text        NOT NULL,
    trial_id              text        NOT NULL,
    outcome               text        NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
    accepted_suggestions  jsonb,
    override_reason       jsonb,
    outcome_timestamp     timestamptz NOT NULL,
    received_at           timestamptz NOT NULL
);

CREATE INDEX cds_feedback_trial_id_idx ON cds_feedback (trial_id);
CREATE INDEX cds_feedback_card_uuid_idx ON cds_feedback (card_uuid);

-- Spent CDS Hooks JWT ids (jti) per issuer, until the token could no longer be accepted, so a token
-- replayed to any replica is refused (org.fhirtrials.cds.security.PostgresSpentTokenIds).
CREATE TABLE cds_jti (
    issuer        text        NOT NULL,
    jti           text        NOT NULL,
    forget_after  timestamptz NOT NULL,
    PRIMARY KEY (issuer, jti)
);

CREATE INDEX cds_jti_forget_after_idx ON cds_jti (forget_after);
