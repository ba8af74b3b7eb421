# Shell functions shared by run-configs/spark/cluster.sh and run-configs/flink/cluster.sh (sourced).
# They expect $jar (the job's jar), $target (pipeline/target) and $cluster (the cluster's folder).

# Whether the process in a PID file is alive.
running() { # $1 = pid file
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Waits up to a minute for a line in a process's log; exits 1 naming the log if it never comes,
# or at once if the process (its $cluster/<name>.pid) has exited.
wait_for() { # $1 = log, $2 = line, $3 = process name
  for _ in $(seq 1 120); do
    grep -qs "$2" "$1" && return 0
    if ! running "$cluster/$3.pid"; then
      echo "cluster.sh: the $3 exited while starting; see $1" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "cluster.sh: the $3 did not start in a minute; see $1" >&2
  exit 1
}

# Stops the processes by their PID files, in order: SIGTERM, then SIGKILL after 10 s.
stop_processes() { # names whose $cluster/<name>.pid files to stop
  for name in "$@"; do
    if running "$cluster/$name.pid"; then
      # It may exit on its own meanwhile: neither kill may stop the script before the next process.
      kill "$(cat "$cluster/$name.pid")" 2>/dev/null || true
      for _ in $(seq 1 40); do running "$cluster/$name.pid" || break; sleep 0.25; done
      running "$cluster/$name.pid" && { kill -9 "$(cat "$cluster/$name.pid")" 2>/dev/null || true; }
      echo "stopped the $name (pid $(cat "$cluster/$name.pid"))"
    fi
    rm -f "$cluster/$name.pid"
  done
}

# The job's libraries as the jar's manifest names them, one path per line (lib/ may hold other
# profiles' jars too).
manifest_libraries() {
  unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' \
    | awk '/^Class-Path:/ {on = 1; printf "%s", substr($0, 13); next} on && /^ / {printf "%s", substr($0, 2); next} {on = 0}' \
    | tr ' ' '\n' | grep '^lib/' | sed "s#^#$target/#"
}
