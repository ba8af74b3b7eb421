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
# Spark's scripts set these: its home (jars/ there is every JVM's class path), the Scala version
# of its jars, and the address every process binds to, web UIs included (0.0.0.0 otherwise).
export SPARK_HOME="$cluster/home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1

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
  # What spark-submit runs (bin/spark-submit calls bin/spark-class with this class), from the
  # cluster's Spark home, whose jars/ holds the job's libraries as on every node. The driver runs
  # here (client mode), the executors under the Worker; the Spark runner takes the master from
  # spark-submit. --filesToStage ships only the job's jar (by default Beam would stage the whole
  # class path). Paths must be the same for the driver and the executors (local paths on this
  # machine, or hdfs://).
  # The job's jar is not on the driver's class path, so its simplelogger.properties is not read:
  # the same logging settings as system properties (the job's lines at info, Spark's at warn).
  local logging=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.transcriptnlp=info
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss
    -Dorg.slf4j.simpleLogger.showThreadName=false -Dorg.slf4j.simpleLogger.showShortLogName=true)
  exec java -Xmx"$SPARK_DRIVER_HEAP" @"$here/java17-options" "${logging[@]}" -cp "$cluster/home/jars/*" \
    org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
    --class org.transcriptnlp.pipeline.TranscriptNlp \
    --conf spark.executor.memory="$SPARK_EXECUTOR_MEMORY" --conf spark.executor.extraJavaOptions="$opens" \
    --conf spark.driver.host=127.0.0.1 \
    "$jar" --runner=SparkRunner --filesToStage="$jar" "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  submit) shift; submit "$@" ;;
  *) echo "usage: $0 start | submit JOB_OPTIONS... | stop" >&2; exit 2 ;;
esac
