#!/usr/bin/env bash
# Demo of scheduled runs over a growing archive, with the packaged jar (mvn -q -DskipTests package):
#   1. a first run on 3 transcripts,
#   2. 2 more transcripts added: only they are processed,
#   3. nothing new: nothing is processed and no table file is written,
#   4. one transcript changed: only it is processed again,
#   5. a full rebuild of the same 5 transcripts, for comparison.
# Prints one table (what each run processed, its wall time) and the time of run 3 over run 5.
# Usage: run-configs/scheduled/demo-incremental.sh [job options, e.g. --annotators=none]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/pipeline/target/transcript-nlp.jar"
java_cmd="${TRANSCRIPT_NLP_JAVA:-java}"
if [[ ! -f "$jar" ]]; then
  echo "demo-incremental: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
in="$work/archive"
mkdir -p "$in"
corpus="$root/transforms/src/test/resources/corpus"
cp "$root"/samples/transcripts/* "$in/"

rows=()
run() { # $1 = label; prints nothing, appends a row
  local log="$work/run-${#rows[@]}.log" start end
  start=$(date +%s.%N)
  if ! "$java_cmd" -Xmx4g -jar "$jar" --input="$in/*" --output="$work/out" "${@:2}" > "$log" 2>&1; then
    echo "demo-incremental: run '$1' failed:" >&2
    cat "$log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  local matched processed
  matched=$(grep -o 'matched: .*' "$log" | sed 's/ (not processed again)//')
  processed=$(grep -o 'processed: [0-9]* files = .*' "$log")
  rows+=("| $1 | ${matched#matched: } | ${processed#processed: } | $(awk "BEGIN{printf \"%.1f\", $end - $start}") |")
}

run "1. first 3 transcripts" "$@"
cp "$corpus/press-briefing/wh_2024-11-26_background_call_moderator_SAO.md" "$corpus/qa-session/btctranscripts_austin-bitdevs_Q-dash-A-dash.md" "$in/"
run "2. 2 transcripts added" "$@"
run "3. nothing new" "$@"
printf '\nQ: One more question, about Kazakhstan?\n\nTokayev: A short answer about Astana.\n' >> "$in/interview-tokayev-2024.txt"
run "4. 1 transcript changed" "$@"
run "5. full rebuild of the 5" "$@" --mode=full

echo "| run | matched files | processed files | wall (s) |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
nothing=$(echo "${rows[2]}" | awk -F'|' '{print $5}')
full=$(echo "${rows[4]}" | awk -F'|' '{print $5}')
echo
echo "nothing new / full rebuild: $(awk "BEGIN{printf \"%.3f\", $nothing / $full}") ($nothing s / $full s)"
# The Iceberg tables' data files on disk (those of the current snapshots and of the earlier ones, kept
# until they expire), and the runs table's: one file per committed run.
tables="$work/out/transcripts"
echo "table data files after the 5 runs: $(find "$tables" -path '*/data/*' -name '*.parquet' -not -path "$tables/runs/*" | wc -l) (runs rows: $(find "$tables/runs/data" -name '*.parquet' | wc -l))"
