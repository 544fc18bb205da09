#!/usr/bin/env bash
# Builds FilingTui if needed and runs it on data/filings.db; the first run imports data/samples.
#   ./run.sh                 open the TUI
#   ./run.sh import PATH...  any filingtui subcommand (list, show, parse, lookup, search)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/.build/app"
dll="$out/filingtui.dll"
export FILINGTUI_DB="${FILINGTUI_DB:-$here/data/filings.db}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Rebuild when any source file is newer than the built app.
if [ ! -f "$dll" ] || [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" -newer "$dll" \( -name '*.cs' -o -name '*.csproj' -o -name '*.sql' -o -name '*.props' \) -print -quit)" ]; then
  echo "Building FilingTui..." >&2
  # Ahead-of-time compiled (ReadyToRun): a cold start skips most JIT work (Oracle's 2 MB submission: 0.6 s instead of 1.0 s).
  dotnet publish "$here/src/FilingTui.App/FilingTui.App.csproj" -c Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true -o "$out" -v quiet -nologo >&2 \
    || dotnet build "$here/src/FilingTui.App/FilingTui.App.csproj" -c Release -o "$out" -v quiet -nologo >&2
fi

# A marker beside the store says the samples' import has not finished: a first run stopped part way (Ctrl-C,
# a closed SSH session) resumes it next time, and a filing already stored is not stored twice.
pending="$FILINGTUI_DB.importing-samples"
if [ "$#" -eq 0 ] && { [ ! -s "$FILINGTUI_DB" ] || [ -f "$pending" ]; }; then
  echo "First run: importing data/samples into $FILINGTUI_DB" >&2
  mkdir -p "$(dirname "$FILINGTUI_DB")" && touch "$pending"
  if dotnet "$dll" import "$here/data/samples" >&2; then rm -f "$pending"; fi
fi

exec dotnet "$dll" "$@"
