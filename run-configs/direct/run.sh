#!/usr/bin/env bash
# Runs the job on the Direct Runner with the settings documented in run-configs/direct/README.md.
# Usage: run-configs/direct/run.sh --input='samples/transcripts/*' --output=out [more options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/pipeline/target/transcript-nlp.jar"
if [[ ! -f "$jar" ]]; then
  echo "run-configs/direct/run.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
exec java -Xmx"${TRANSCRIPT_NLP_HEAP:-4g}" -jar "$jar" \
  --runner=DirectRunner \
  --targetParallelism="$(nproc)" \
  --enforceImmutability=false \
  --enforceEncodability=false \
  "$@"
