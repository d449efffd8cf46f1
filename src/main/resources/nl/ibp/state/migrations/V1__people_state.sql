-- People's state, as it lived in index/ibp.db before it got a database of its own (the same
-- tables and columns, so that an old ibp.db is imported row for row).
CREATE TABLE statuses (
  agreement TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('open', 'afgerond')),
  reason TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE bot_feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  question TEXT NOT NULL,
  passage TEXT NOT NULL,
  vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  created TEXT NOT NULL
);
CREATE TABLE bot_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE bot_chats (
  chat INTEGER PRIMARY KEY,
  active INTEGER NOT NULL DEFAULT 1,
  updated TEXT NOT NULL
);
