-- Sections are added to the full-text index by the store, once per write of a batch, instead of by a trigger row
-- by row: FTS5 writes its pending terms out at every statement that touches it, so the trigger made one small index
-- segment per section (and merges of them), three fifths of the time an import spent writing.
DROP TRIGGER sections_ai;
