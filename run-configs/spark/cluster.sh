#!/usr/bin/env bash
# A Spark standalone cluster on this machine, bound to 127.0.0.1: a Master and a Worker, each its
# own JVM, from the jars Maven resolved (no Spark download). The Worker starts one executor JVM
# per job. Build first: mvn -q -DskipTests -Pspark package
#
#   run-configs/spark/cluster.sh start            # Master on spark://127.0.0.1:7077, UI :8080
#   run-configs/spark/cluster.sh submit --input=... --output=... [job options]
#   run-configs/spark/cluster.sh stop             # stops both by their PIDs
#
# Settings: run-configs/spark/settings.env (the cluster's folder, the Worker's cores and memory,
# the executors' memory, ports), each overridden by the same variable in the environment.
#
# The models: the Worker's Spark home holds the job's libraries (pipeline/target/lib, the CoreNLP
# models jar among them), so executors have them on their class path and only the job's own jar
# is staged per job (--filesToStage); each executor JVM loads each model set once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/pipeline/target"
jar="$target/transcript-nlp.jar"
# shellcheck source=settings.env
source "$here/settings.env"
cluster="$SPARK_CLUSTER_DIR"
port="$SPARK_MASTER_PORT"
master="spark://127.0.0.1:$port"
# shellcheck source=../cluster-lib.sh
source "$here/../cluster-lib.sh"
opens="$(tr '\n' ' ' < "$here/java17-options")"

need_build() {
  if [[ ! -f "$jar" || ! -d "$target/spark-lib" ]] || ! unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q beam-runners-spark-3; then
    echo "spark/cluster.sh: build the Spark runner's jar first: mvn -q -DskipTests -Pspark package" >&2
    exit 2
  fi
}

start() {
  need_build
  if running "$cluster/master.pid" || running "$cluster/worker.pid"; then
    echo "spark/cluster.sh: already running (see $cluster/*.pid); stop it first" >&2
    exit 1
  fi
  mkdir -p "$cluster/home/jars" "$cluster/work" "$cluster/logs"
  rm -f "$cluster/home/jars/"*.jar
  # Spark's jars, then the job's libraries: those its manifest names (lib/ may hold other
  # profiles' jars too). A jar in both is linked once.
  ln -s "$target"/spark-lib/*.jar "$cluster/home/jars/"
  manifest_libraries | while read -r lib; do ln -sf "$lib" "$cluster/home/jars/"; done
  export SPARK_HOME="$cluster/home" SPARK_SCALA_VERSION=2.12
  # shellcheck disable=SC2086
  nohup java $opens -Xmx512m -cp "$cluster/home/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$SPARK_MASTER_WEBUI_PORT" > "$cluster/logs/master.log" 2>&1 &
  echo $! > "$cluster/master.pid"
  wait_for "$cluster/logs/master.log" "Starting Spark master" master
  # shellcheck disable=SC2086
  nohup java $opens -Xmx512m -cp "$cluster/home/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$SPARK_WORKER_CORES" --memory "$SPARK_WORKER_MEMORY" \
    --work-dir "$cluster/work" --webui-port "$SPARK_WORKER_WEBUI_PORT" "$master" > "$cluster/logs/worker.log" 2>&1 &
  echo $! > "$cluster/worker.pid"
  wait_for "$cluster/logs/worker.log" "Successfully registered with master" worker
  echo "Spark master $master (pid $(cat "$cluster/master.pid")), worker pid $(cat "$cluster/worker.pid"); logs in $cluster/logs"
}

stop() {
  stop_processes worker master
}

submit() {
  need_build
  running "$cluster/master.pid" || { echo "spark/cluster.sh: no cluster running; run: $0 start" >&2; exit 2; }
  # The driver runs here; the executor runs under the Worker. Paths must be the same for both
  # (local paths on this machine, or hdfs://).
  # shellcheck disable=SC2086
  exec java -Xmx"$SPARK_DRIVER_HEAP" @"$here/java17-options" \
    -Dspark.executor.extraJavaOptions="$opens" -Dspark.executor.memory="$SPARK_EXECUTOR_MEMORY" \
    -Dspark.driver.host=127.0.0.1 \
    -cp "$jar:$target/spark-lib/*" org.transcriptnlp.pipeline.TranscriptNlp \
    --runner=SparkRunner --sparkMaster="$master" --filesToStage="$jar" "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  submit) shift; submit "$@" ;;
  *) echo "usage: $0 start | submit JOB_OPTIONS... | stop" >&2; exit 2 ;;
esac
