#!/usr/bin/env bash
# Bench: turn parsing (--annotators=none) of one large transcript at two sizes, to see that the
# cost grows linearly with the input. Builds the inputs from the seed interview repeated.
# Usage: run-configs/bench-large-inputs.sh [small_MB=5] [large_MB=50]
# Prints one table: size, wall seconds, MB/s, peak RSS, and the large/small time ratio.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/pipeline/target/transcript-nlp.jar"
seed="$root/samples/transcripts/interview-tokayev-2024.txt"
small="${1:-5}"
large="${2:-50}"
if [[ ! -f "$jar" ]]; then
  echo "bench-large-inputs: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

make_input() { # $1 = megabytes
  local dir="$work/in-$1" target=$(( $1 * 1000000 ))
  mkdir -p "$dir"
  while [[ ! -f "$dir/t.txt" || $(stat -c %s "$dir/t.txt") -lt $target ]]; do
    cat "$seed" >> "$dir/t.txt"; echo >> "$dir/t.txt"
  done
}

run_one() { # $1 = megabytes; prints "wall rss_kb"
  local log="$work/run-$1.log" start end
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%M" -o "$work/rss-$1" java -Xmx6g -jar "$jar" --input="$work/in-$1/*" \
      --output="$work/out-$1" --annotators=none > "$log" 2>&1
  else
    java -Xmx6g -jar "$jar" --input="$work/in-$1/*" --output="$work/out-$1" --annotators=none > "$log" 2>&1
    echo "n/a" > "$work/rss-$1"
  fi
  end=$(date +%s.%N)
  grep -q "processed: 1 files = 1 parsed + 0 rejected" "$log" || { echo "run on $1 MB failed:"; cat "$log"; exit 1; }
  echo "$(awk "BEGIN{print $end - $start}") $(tail -1 "$work/rss-$1")"
}

make_input "$small"
make_input "$large"
read -r ws rs <<< "$(run_one "$small")"
read -r wl rl <<< "$(run_one "$large")"
printf "%-10s %10s %8s %14s\n" "input" "wall (s)" "MB/s" "peak RSS (MB)"
for row in "$small $ws $rs" "$large $wl $rl"; do
  read -r mb w r <<< "$row"
  rss=$([[ "$r" == n/a ]] && echo n/a || echo $(( r / 1024 )))
  printf "%-10s %10.1f %8.2f %14s\n" "${mb} MB" "$w" "$(awk "BEGIN{print $mb / $w}")" "$rss"
done
printf "time ratio %s MB / %s MB: %.2f for %.0fx the input (start-up included)\n" "$large" "$small" \
  "$(awk "BEGIN{print $wl / $ws}")" "$(awk "BEGIN{print $large / $small}")"
