-- The workbench's evaluation: each run of the golden set on the live server, and the questions writers
-- added to the golden set. Neither is a reader's data, so retention leaves them alone.
CREATE TABLE eval_runs (
    run_id VARCHAR(64) NOT NULL PRIMARY KEY,
    started_ms BIGINT NOT NULL,
    finished_ms BIGINT,
    status VARCHAR(16) NOT NULL,
    questions INTEGER NOT NULL,
    summary TEXT,
    results TEXT
);
CREATE INDEX eval_runs_started ON eval_runs (started_ms);

CREATE TABLE golden_additions (
    addition_id VARCHAR(64) NOT NULL PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    question TEXT NOT NULL,
    expected_section TEXT NOT NULL,
    facts TEXT NOT NULL,
    answer_id VARCHAR(64)
);
