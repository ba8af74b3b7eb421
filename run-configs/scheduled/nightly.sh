#!/usr/bin/env bash
# A scheduled run of transcript-nlp (cron or systemd; see README.md beside this file).
# Settings come from the environment:
#   TRANSCRIPT_NLP_INPUT   file glob(s) of the archive, comma-separated (required)
#   TRANSCRIPT_NLP_OUTPUT  the tables' folder (required)
#   TRANSCRIPT_NLP_LOGS    folder for one log per day (default: logs/ beside a local output;
#                          required for an output such as hdfs://...)
#   TRANSCRIPT_NLP_HEAP    JVM heap (default 4g)
#   TRANSCRIPT_NLP_OPTIONS more job options, space-separated (e.g. "--annotators=sentiment")
#   TRANSCRIPT_NLP_JAVA    the java command (default: java on the PATH)
# Exit codes are the job's: 0 done; 1 the job failed; 2 bad settings; 3 not every matched file
# accounted for; 4 another run is writing to the same output (nothing was done).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/pipeline/target/transcript-nlp.jar"
: "${TRANSCRIPT_NLP_INPUT:?set TRANSCRIPT_NLP_INPUT to the archive's file glob}"
: "${TRANSCRIPT_NLP_OUTPUT:?set TRANSCRIPT_NLP_OUTPUT to the tables' folder}"
if [[ -z "${TRANSCRIPT_NLP_LOGS:-}" && "$TRANSCRIPT_NLP_OUTPUT" == *://* ]]; then
  echo "nightly.sh: set TRANSCRIPT_NLP_LOGS to a local folder: the output $TRANSCRIPT_NLP_OUTPUT is not local" >&2
  exit 2
fi
logs="${TRANSCRIPT_NLP_LOGS:-$(dirname "$TRANSCRIPT_NLP_OUTPUT")/logs}"
if [[ ! -f "$jar" ]]; then
  echo "nightly.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2
  exit 2
fi
mkdir -p "$logs" || exit 2
log="$logs/transcript-nlp-$(date +%F).log"
read -r -a extra <<< "${TRANSCRIPT_NLP_OPTIONS:-}"
(
  echo "== $(date -Is) start: input=$TRANSCRIPT_NLP_INPUT output=$TRANSCRIPT_NLP_OUTPUT ${extra[*]:-}"
  "${TRANSCRIPT_NLP_JAVA:-java}" -Xmx"${TRANSCRIPT_NLP_HEAP:-4g}" -jar "$jar" \
    --input="$TRANSCRIPT_NLP_INPUT" --output="$TRANSCRIPT_NLP_OUTPUT" "${extra[@]}"
  code=$?
  echo "== $(date -Is) end: exit $code"
  exit $code
) >> "$log" 2>&1
code=$?
if [[ $code -ne 0 ]]; then
  # One line for the scheduler's mail or journal; the details are in the log.
  echo "transcript-nlp: exit $code, see $log" >&2
fi
exit $code
