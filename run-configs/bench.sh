#!/usr/bin/env bash
# Annotation bench: the pipeline end to end against plain CoreNLP (same annotators, settings,
# answer texts and cores), at several archive sizes made from the real transcripts.
# Usage: run-configs/bench.sh [--transcripts=10,100] [--threads=2] [--work=DIR] [--heap=6g] [--cli] [job options...]
# Prints one table: wall seconds, tokens/s, answers/s, peak RSS, cores busy and each run's time over the
# pipeline's; --cli adds the CoreNLP command line with its defaults and the sentiment-label agreement.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/pipeline/target/transcript-nlp.jar"
if [[ ! -f "$jar" ]]; then
  echo "bench.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
cd "$root"
exec java -cp "$jar" org.transcriptnlp.pipeline.bench.Bench "$@"
