#!/usr/bin/env bash
# Runs the job on Beam's Spark runner with Spark in this JVM (--sparkMaster=local[N]): the same
# jar as for spark-submit, with Spark's jars (pipeline/target/spark-lib/) on the classpath.
# Build first: mvn -q -DskipTests -Pspark package
# Usage: run-configs/spark/local.sh --input='samples/transcripts/*' --output=out-spark [more options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/pipeline/target"
jar="$target/transcript-nlp.jar"
# shellcheck source=settings.env
source "$here/settings.env"
if [[ ! -f "$jar" || ! -d "$root/pipeline/target/spark-lib" ]] || ! unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q beam-runners-spark-3; then
  echo "run-configs/spark/local.sh: build the Spark runner's jar first: mvn -q -DskipTests -Pspark package" >&2
  exit 2
fi
# Spark 3.5 on Java 17 needs its packages opened (java17-options, one flag per line).
exec java -Xmx"$SPARK_LOCAL_HEAP" @"$here/java17-options" \
  -cp "$jar:$root/pipeline/target/spark-lib/*" org.transcriptnlp.pipeline.TranscriptNlp \
  --runner=SparkRunner --sparkMaster="local[$SPARK_WORKER_CORES]" "$@"
