#!/usr/bin/env bash
# Incremental-run bench: what a run costs when little or nothing changed, against a full run, and what
# the Iceberg commit itself costs. Builds an archive of N transcripts (transcript i is real transcript
# i mod K from samples/ and ../shared/corpus/, under its own name), then runs, on one output:
#   full       --mode=full over the archive
#   unchanged  an incremental run, nothing changed
#   one-changed an incremental run after one transcript got one more question and answer
#   maintain   --mode=maintain (compaction, snapshot expiry, orphans)
# and prints one table: wall seconds, the run's share of the full run, files processed, commit seconds and
# data files added/removed. Usage: run-configs/bench-incremental.sh [N=100] [job options, e.g. --annotators=none]
# (TRANSCRIPT_NLP_JAR=path runs another build of the jar, e.g. a copy that a rebuild cannot change mid-run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${TRANSCRIPT_NLP_JAR:-$root/pipeline/target/transcript-nlp.jar}"
[[ -f "$jar" ]] || { echo "bench-incremental.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2; exit 2; }
n="${1:-100}"; shift || true
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
mapfile -t sources < <(find "$root/samples/transcripts" "$root/../shared/corpus" -type f \
  ! -name 'MANIFEST.tsv' ! -iname 'README*' ! -iname 'SOURCES*' ! -iname 'LICEN*' 2>/dev/null | sort)
for ((i = 0; i < n; i++)); do
  src="${sources[$((i % ${#sources[@]}))]}"
  cp "$src" "$work/in/$(printf '%05d' "$i")-$(basename "$src")"
done
run() { # name, options...
  local name="$1"; shift
  local s e log="$work/$name.log"
  s=$(date +%s.%N)
  java -jar "$jar" --output="$work/out" --progress=never "$@" >"$log" 2>&1 || { echo "$name failed:"; tail -5 "$log"; exit 1; }
  e=$(date +%s.%N)
  local secs; secs=$(echo "$e - $s" | bc)
  local processed; processed=$(grep -o 'to process' "$log" >/dev/null && grep -oE '[0-9]+ to process' "$log" | head -1 | grep -oE '^[0-9]+' || echo "-")
  local commit; commit=$(grep -oE 'commit: [0-9.]+ s; [0-9]+ data file\(s\) added \([0-9]+ rewritten\), [0-9]+ removed' "$log" | head -1 || true)
  local cs="-" added="-" rewritten="-" removed="-"
  if [[ -n "$commit" ]]; then
    read -r cs added rewritten removed < <(echo "$commit" | sed -E 's/commit: ([0-9.]+) s; ([0-9]+) data file\(s\) added \(([0-9]+) rewritten\), ([0-9]+) removed/\1 \2 \3 \4/')
  fi
  [[ "$name" == full ]] && full="$secs"
  printf '%-12s %9.2f %7.1f%% %10s %9s %7s %9s %8s\n' "$name" "$secs" "$(echo "100 * $secs / $full" | bc -l)" "$processed" "$cs" "$added" "$rewritten" "$removed"
}
printf '%-12s %9s %8s %10s %9s %7s %9s %8s\n' run seconds "of full" processed "commit s" added rewritten removed
run full --input="$work/in/*" --mode=full "$@"
run unchanged --input="$work/in/*" "$@"
first="$(ls "$work/in" | head -1)"
printf '\n\nQ: One more question for the bench?\nA: One more answer, from Paris.\n' >>"$work/in/$first"
run one-changed --input="$work/in/*" "$@"
run maintain --mode=maintain
echo "archive: $n transcripts, $(du -sh "$work/in" | cut -f1); data files now: $(find "$work/out/transcripts" -path '*/data/*' -name '*.parquet' | wc -l)"
