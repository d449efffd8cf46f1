-- Questions the assistant had no answer to, for maintainers: the text and how often, never who asked.
CREATE TABLE unanswered (
  question_key TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  last TEXT NOT NULL,
  times INTEGER NOT NULL
);
CREATE INDEX unanswered_last ON unanswered(last);
