#!/usr/bin/env bash
# Annotation bench: the pipeline end to end against plain CoreNLP (same annotators, settings,
# answer texts and cores), at several archive sizes made from the real transcripts.
# Usage: run-configs/bench.sh [--transcripts=10,100] [--threads=2] [--work=DIR] [--heap=6g] [--cli] [job options...]
# Prints one table: wall seconds, tokens/s, answers/s, peak RSS, cores busy and each run's time over the
# pipeline's; --cli adds the CoreNLP command line with its defaults and the sentiment-label agreement.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/transcript-nlp-bench.jar"
# The bench jar runs on the job's jar and its lib/ (its manifest Class-Path names the job's jar).
job="$root/pipeline/target/transcript-nlp.jar"
for j in "$jar" "$job"; do
  if [[ ! -f "$j" ]]; then
    echo "bench.sh: $j is missing; build both jars with: mvn -q -DskipTests package" >&2
    exit 2
  fi
done
cd "$root"
exec java -jar "$jar" "$@"
