#!/usr/bin/env bash
# A Flink session cluster on this machine, bound to 127.0.0.1: a JobManager
# (StandaloneSessionClusterEntrypoint, REST on 127.0.0.1:8082) and a TaskManager (TaskManagerRunner),
# each its own JVM, from the jars Maven resolved (flink-dist is not needed). Build first:
# mvn -q -DskipTests -Pflink package
#
#   run-configs/flink/cluster.sh start
#   run-configs/flink/cluster.sh submit --input=... --output=... [job options]
#   run-configs/flink/cluster.sh taskmanager      # starts a TaskManager again (after one died)
#   run-configs/flink/cluster.sh stop             # stops both by their PIDs
#
# Settings: run-configs/flink/settings.env (the cluster's folder, TaskManager memory and slots,
# ports, restart strategy), each overridden by the same variable in the environment.
#
# The models: the cluster's class path holds the job's libraries (the CoreNLP models jar among
# them), so only the job's own jar is staged per job (--filesToStage); the TaskManager JVM loads
# each model set once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/pipeline/target"
jar="$target/transcript-nlp.jar"
# shellcheck source=settings.env
source "$here/settings.env"
cluster="$FLINK_CLUSTER_DIR"
rest="$FLINK_REST_PORT"
# shellcheck source=../cluster-lib.sh
source "$here/../cluster-lib.sh"

need_build() {
  if [[ ! -f "$jar" ]] || ! unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q beam-runners-flink-1.19; then
    echo "flink/cluster.sh: build the Flink runner's jar first: mvn -q -DskipTests -Pflink package" >&2
    exit 2
  fi
}

classpath() {
  manifest_libraries | paste -sd:
}

start() {
  need_build
  if running "$cluster/jobmanager.pid" || running "$cluster/taskmanager.pid"; then
    echo "flink/cluster.sh: already running (see $cluster/*.pid); stop it first" >&2
    exit 1
  fi
  mkdir -p "$cluster/conf" "$cluster/logs"
  cat > "$cluster/conf/flink-conf.yaml" <<EOF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 1g
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: $FLINK_SLOTS
taskmanager.memory.process.size: $FLINK_TM_MEMORY
# CoreNLP's models live on the heap; Flink's managed memory (for its own sorting and state) is not used.
taskmanager.memory.managed.fraction: $FLINK_MANAGED_FRACTION
parallelism.default: $FLINK_SLOTS
# A lost TaskManager restarts the failed tasks (and, when their input was on the lost TaskManager,
# the tasks before them) once a TaskManager offers slots again, instead of failing the job.
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: $FLINK_RESTART_ATTEMPTS
restart-strategy.fixed-delay.delay: $FLINK_RESTART_DELAY
slot.request.timeout: $FLINK_SLOT_TIMEOUT_MS
EOF
  local cp
  cp="$(classpath)"
  nohup java -Xmx768m -cp "$cp" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    --configDir "$cluster/conf" > "$cluster/logs/jobmanager.log" 2>&1 &
  echo $! > "$cluster/jobmanager.pid"
  wait_for "$cluster/logs/jobmanager.log" "Rest endpoint listening at" jobmanager
  # The REST endpoint comes up before the resource manager: a bad setting stops the JobManager then.
  sleep 1
  running "$cluster/jobmanager.pid" || { echo "flink/cluster.sh: the jobmanager exited while starting; see $cluster/logs/jobmanager.log" >&2; exit 1; }
  start_taskmanager
  echo "Flink session cluster: REST 127.0.0.1:$rest, jobmanager pid $(cat "$cluster/jobmanager.pid"), taskmanager pid $(cat "$cluster/taskmanager.pid"); logs in $cluster/logs"
}

# Starts a TaskManager (also to replace one that died: run-configs/flink/cluster.sh taskmanager).
start_taskmanager() {
  if running "$cluster/taskmanager.pid"; then
    echo "flink/cluster.sh: a taskmanager is running (pid $(cat "$cluster/taskmanager.pid"))" >&2
    exit 1
  fi
  local cp
  cp="$(classpath)"
  [[ -f "$cluster/logs/taskmanager.log" ]] && mv "$cluster/logs/taskmanager.log" "$cluster/logs/taskmanager.$(date +%s).log"
  # The TaskManager's JVM memory flags and dynamic settings, computed from the configuration as
  # Flink's own scripts do (BashJavaUtils).
  local params jvm dynamic
  params="$(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
    --configDir "$cluster/conf" 2>/dev/null | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  jvm="$(sed -n 1p <<< "$params")"
  dynamic="$(sed -n 2p <<< "$params")"
  # shellcheck disable=SC2086
  nohup java $jvm -cp "$cp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    --configDir "$cluster/conf" $dynamic > "$cluster/logs/taskmanager.log" 2>&1 &
  echo $! > "$cluster/taskmanager.pid"
  wait_for "$cluster/logs/taskmanager.log" "Successful registration at resource manager" taskmanager
}

stop() {
  stop_processes taskmanager jobmanager
}

submit() {
  need_build
  running "$cluster/jobmanager.pid" || { echo "flink/cluster.sh: no cluster running; run: $0 start" >&2; exit 2; }
  # The client runs here; the job runs in the TaskManager. Paths must be the same for both
  # (local paths on this machine, or hdfs://).
  # The client does not read the cluster's flink-conf.yaml: without --parallelism Beam's Flink
  # runner runs every step with parallelism 1, on one slot.
  local parallelism=(--parallelism="$FLINK_SLOTS")
  for arg in "$@"; do [[ "$arg" == --parallelism=* ]] && parallelism=(); done
  exec java -Xmx"$FLINK_CLIENT_HEAP" -jar "$jar" \
    --runner=FlinkRunner --flinkMaster="127.0.0.1:$rest" --filesToStage="$jar" "${parallelism[@]}" "$@"
}

case "${1:-}" in
  start) start ;;
  taskmanager) need_build; start_taskmanager; echo "taskmanager pid $(cat "$cluster/taskmanager.pid")" ;;
  stop) stop ;;
  submit) shift; submit "$@" ;;
  *) echo "usage: $0 start | taskmanager | submit JOB_OPTIONS... | stop" >&2; exit 2 ;;
esac
