-- Following opgaven in the bot: which chat follows which opgave, each chat's reminder settings,
-- every reminder and alert claimed (with its message, so a restart sends what was claimed and
-- nothing twice), and the agreements the last alert run saw (the "old tracker" of the next diff).
CREATE TABLE follow_chats (
  chat INTEGER PRIMARY KEY,
  days TEXT NOT NULL DEFAULT '14,1',
  admins_only INTEGER NOT NULL DEFAULT 0 CHECK (admins_only IN (0, 1)),
  updated TEXT NOT NULL
);
CREATE TABLE follow_subscriptions (
  chat INTEGER NOT NULL,
  opgave INTEGER NOT NULL CHECK (opgave BETWEEN 1 AND 99),
  since TEXT NOT NULL,
  PRIMARY KEY (chat, opgave)
);
CREATE TABLE follow_sent (
  chat INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reminder', 'moved', 'alert')),
  agreement TEXT NOT NULL,
  due TEXT NOT NULL,
  deadline TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'dropped', 'undelivered')),
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed TEXT NOT NULL,
  done TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (chat, kind, agreement, due)
);
CREATE INDEX follow_sent_state ON follow_sent(state);
CREATE INDEX follow_sent_agreement ON follow_sent(kind, agreement);
CREATE TABLE follow_known (
  agreement TEXT PRIMARY KEY,
  superseded_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE follow_known_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
