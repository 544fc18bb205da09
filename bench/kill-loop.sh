#!/usr/bin/env bash
# kill -9 at random moments during a 1,000-file import, 20 times; then checks the store and finishes the import.
# Passes when every check is ok, no filing is half-stored, and the rows equal those of an uninterrupted run.
# Usage: bash bench/kill-loop.sh [FILES] [KILLS]   (needs sqlite3; run from the repository root)
set -euo pipefail
files=${1:-1000}; kills=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build -c Release "$root/src/FilingTui.App" >/dev/null
app=(dotnet exec "$root/src/FilingTui.App/bin/Release/net10.0/filingtui.dll")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
samples=("$root"/data/samples/*.txt)
for ((i = 0; i < files; i++)); do
  { cat "${samples[i % ${#samples[@]}]}"; printf '\nCopy %d for the kill loop.\n' "$i"; } > "$work/corpus/copy-$(printf %04d "$i").txt"
done
q() { sqlite3 "$1" "$2"; }
for ((k = 1; k <= kills; k++)); do
  "${app[@]}" import --db "$work/killed.db" "$work/corpus" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.3 + rand() * 4 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ok=$(q "$work/killed.db" "PRAGMA integrity_check")
  # FTS5's own check: the search index holds exactly the sections' text (it fails loudly if not).
  q "$work/killed.db" "INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)" || ok="search index differs"
  half=$(q "$work/killed.db" "SELECT COUNT(*) FROM filings f WHERE (f.status <> 'no-statements' AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.filing_id = f.id)) OR NOT EXISTS (SELECT 1 FROM sections s WHERE s.filing_id = f.id)")
  echo "kill $k: integrity $ok, $(q "$work/killed.db" "SELECT COUNT(*) FROM filings") filings stored, $half half-stored"
  [[ $ok == ok && $half == 0 ]] || { echo "FAILED"; exit 1; }
done
"${app[@]}" import --db "$work/killed.db" "$work/corpus" | tail -1
"${app[@]}" import --db "$work/whole.db" "$work/corpus" | tail -1
for t in companies filings sections statements statement_columns line_items facts; do
  a=$(q "$work/killed.db" "SELECT COUNT(*) FROM $t"); b=$(q "$work/whole.db" "SELECT COUNT(*) FROM $t")
  echo "$t: $a after the kills, $b uninterrupted"
  [[ $a == "$b" ]] || { echo "FAILED"; exit 1; }
done
a=$(q "$work/killed.db" "SELECT COUNT(*) FROM sections_fts WHERE sections_fts MATCH 'myeloma'"); b=$(q "$work/whole.db" "SELECT COUNT(*) FROM sections_fts WHERE sections_fts MATCH 'myeloma'")
echo "search hits for myeloma: $a after the kills, $b uninterrupted"
[[ $a == "$b" ]] || { echo "FAILED"; exit 1; }
echo "kill loop: $kills kills over $files files, every check ok"
