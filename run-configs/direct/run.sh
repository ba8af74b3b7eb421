#!/usr/bin/env bash
# Runs the job on the Direct Runner with the settings explained in docs/options.md (Runners)
# (their values: settings.env beside this script, each overridden by the environment).
# Usage: run-configs/direct/run.sh --input='samples/transcripts/*' --output=out [more options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=settings.env
source "$here/settings.env"
jar="$root/pipeline/target/transcript-nlp.jar"
if [[ ! -f "$jar" ]]; then
  echo "run-configs/direct/run.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
exec java -Xmx"$TRANSCRIPT_NLP_HEAP" -jar "$jar" \
  --runner=DirectRunner \
  --targetParallelism="$TRANSCRIPT_NLP_THREADS" \
  --enforceImmutability=false \
  --enforceEncodability=false \
  "$@"
