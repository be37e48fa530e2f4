#!/usr/bin/env bash
# Time from process start to the first request of `replicate4j run`, with the jar built.
# Measures start -> exit of `run ... --no-wait` against a stub relay in another process: the run's
# only request is the create, so this is an upper bound of start -> first request (it adds the
# stub's answer and the JVM's exit, a few ms). Prints the median and the range of N runs per setup.
#   benchmarks/cli-startup.sh [N]   (default N=15; builds nothing: run ./replicate4j once first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=cli/target/replicate4j-cli.jar
cds=cli/target/replicate4j-cli.jsa
[[ -f "$jar" && -f "$cds" ]] || { echo "Run ./replicate4j --version once first (builds the jar and the CDS archive)" >&2; exit 2; }

fifo=$(mktemp -u); mkfifo "$fifo"
java -jar "$jar" stub >"$fifo" &
stub_pid=$!
trap 'kill "$stub_pid" 2>/dev/null; rm -f "$fifo"' EXIT
exec 3<"$fifo"
read -r base_url <&3

measure() {  # label, then the command; prints "label: median ms (min-max)"
  local label="$1"; shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" run sdxl prompt=startup --no-wait --base-url "$base_url" --api-key stub-relay-key >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-52s median %4d ms  (min %d, max %d, %d runs)\n' "$label" \
    "$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")" "$(head -1 <<<"$sorted")" \
    "$(tail -1 <<<"$sorted")" "$runs"
}

measure "java -jar (no options)" java -jar "$jar"
measure "+ -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar"
measure "+ AppCDS archive (what the launcher runs)" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:SharedArchiveFile="$cds" -jar "$jar"
measure "./replicate4j (launcher: staleness check + the above)" ./replicate4j
