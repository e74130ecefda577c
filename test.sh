#!/usr/bin/env bash
# Builds everything and runs every test. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Analytics.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line, whatever the test adapter printed.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ]; then
  echo "TESTS FAILED (dotnet test exited $status)" >&2
  exit "$status"
fi
if [ "${passed:-0}" -eq 0 ]; then
  echo "NO TESTS RAN" >&2
  exit 1
fi
