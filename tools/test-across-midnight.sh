#!/usr/bin/env bash
# Runs every date-sensitive test file again with the process clock (and the embedded PostgreSQL's) faked to just
# before and just after midnight in China (23:30 and 00:30 UTC+8, i.e. 15:30 and 16:30 UTC), on today's UTC date.
# Between those two runs the UTC date and China's date disagree, so a test or a rule that reads the UTC date
# where the platform counts China's date fails here at any hour, not only in the evening (issue 12).
# Needs libfaketime (Debian: faketime). Date-sensitive = the spec mentions a date the rules count.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  echo "test-across-midnight: faketime is not installed (Debian package 'faketime'); cannot fake the clock" >&2
  exit 1
fi
mapfile -t files < <(grep -rlE "todayInChina|noticeDate|decisionDate|addDays|addMonths|asOf|validUntil|expir" \
  --include='*spec.ts' apps libs test tools | sort)
echo "test-across-midnight: ${#files[@]} date-sensitive test files"
today=$(date -u +%F)
for utc in 15:30:00 16:30:00; do
  echo "test-across-midnight: clock at ${today} ${utc} UTC"
  # An offset from the real clock, not a start instant ("@…" starts each process's clock when that process starts):
  # Jest's workers start after the embedded PostgreSQL and are replaced during the run (workerIdleMemoryLimit), and
  # every one of them must read the same clock as the database, or now() in SQL and Date.now() in a test drift apart.
  # Monotonic time stays real so timers and timeouts behave.
  offset=$(( $(date -u -d "${today} ${utc}" +%s) - $(date -u +%s) ))
  TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "$(printf '%+d' "${offset}")" npx jest --ci "${files[@]}"
done
