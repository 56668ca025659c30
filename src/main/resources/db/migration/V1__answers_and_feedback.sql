-- What readers asked and how Kira answered, kept for the content team (one schema for SQLite and PostgreSQL).
-- A question is stored redacted; a crisis message is a row with no question at all (counted, never kept).
CREATE TABLE answers (
    answer_id VARCHAR(64) NOT NULL PRIMARY KEY,
    day VARCHAR(10) NOT NULL,
    at_ms BIGINT NOT NULL,
    abstain_reason VARCHAR(32),
    crisis BOOLEAN NOT NULL,
    question TEXT
);
CREATE INDEX answers_day ON answers (day);

-- One row per section an answer cited, dated like its answer so retention and date ranges need no join.
CREATE TABLE cited_sections (
    answer_id VARCHAR(64) NOT NULL,
    day VARCHAR(10) NOT NULL,
    section TEXT NOT NULL
);
CREATE INDEX cited_sections_day ON cited_sections (day);

-- One vote per answer (the key enforces it across replicas); a down vote keeps its answer's question
-- and its comment, both redacted.
CREATE TABLE feedback (
    answer_id VARCHAR(64) NOT NULL PRIMARY KEY,
    day VARCHAR(10) NOT NULL,
    at_ms BIGINT NOT NULL,
    rating VARCHAR(8) NOT NULL,
    question TEXT,
    comment TEXT
);
CREATE INDEX feedback_day ON feedback (day);

-- Files of the JSON-lines insights (KIRA_INSIGHTS_FILE) already read in, so each is read once.
CREATE TABLE imports (
    source TEXT NOT NULL PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    events INTEGER NOT NULL,
    skipped INTEGER NOT NULL
);
