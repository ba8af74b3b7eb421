#!/usr/bin/env bash
# Runs the job on Beam's Flink runner with a Flink mini cluster in this JVM (--flinkMaster=[local]).
# Build first: mvn -q -DskipTests -Pflink package
# Usage: run-configs/flink/local.sh --input='samples/transcripts/*' --output=out-flink [more options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/pipeline/target"
jar="$target/transcript-nlp.jar"
# shellcheck source=settings.env
source "$here/settings.env"
if [[ ! -f "$jar" ]] || ! unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q beam-runners-flink-1.19; then
  echo "run-configs/flink/local.sh: build the Flink runner's jar first: mvn -q -DskipTests -Pflink package" >&2
  exit 2
fi
exec java -Xmx"$FLINK_LOCAL_HEAP" -jar "$jar" \
  --runner=FlinkRunner --flinkMaster='[local]' --parallelism="$FLINK_SLOTS" "$@"
