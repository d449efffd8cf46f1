-- The bot's delivery state: updates taken in, the replies planned for them (each marked when
-- sent), and how each update ended. A restart resumes after the last step sent. (These tables
-- lived in ibp.db, made by BotStore's own schema step, before they moved here.)
CREATE TABLE IF NOT EXISTS bot_intake (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  update_id INTEGER NOT NULL,
  chat INTEGER NOT NULL,
  json TEXT NOT NULL,
  received TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bot_intake_update ON bot_intake(update_id);
CREATE TABLE IF NOT EXISTS bot_outbox (
  seq INTEGER NOT NULL REFERENCES bot_intake(seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  step TEXT NOT NULL,
  sent INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (seq, position)
);
CREATE TABLE IF NOT EXISTS bot_answered (
  seq INTEGER PRIMARY KEY REFERENCES bot_intake(seq) ON DELETE CASCADE,
  update_id INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'no_reply', 'apologised', 'undelivered')),
  answered TEXT NOT NULL
);
