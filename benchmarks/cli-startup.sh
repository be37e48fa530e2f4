#!/usr/bin/env bash
# Time from process start to the first request of `replicate4j run`, with the jar built.
#
# Measures start -> exit of `run sdxl ... --no-wait` against a stub relay in another process: the
# run's only request is the create, so this is an upper bound of start -> first request (it adds the
# stub's answer and the JVM's exit, a few ms). The setups take turns, run after run, so a shared
# machine's changing load hits them alike. Prints the median wall time and the median CPU time
# (user + sys, which the load changes less) per setup.
#   benchmarks/cli-startup.sh [N]   (default N=15; builds the jar and its CDS archive first if needed,
#   through the launcher; edit no source while it runs, or the launcher would rebuild mid-way)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=cli/target/replicate4j-cli.jar
cds=cli/target/replicate4j-cli.jsa
./replicate4j --version >/dev/null
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }

work=$(mktemp -d)
mkfifo "$work/stub"
java -jar "$jar" stub >"$work/stub" &
stub_pid=$!
trap 'kill "$stub_pid" 2>/dev/null; rm -rf "$work"' EXIT
exec 3<"$work/stub"
read -r base_url <&3

fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
labels=("java -jar (no options)"
  "+ -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "+ the AppCDS archive (the launcher's java command)"
  "./replicate4j (launcher: staleness check + the above)")
setup() {
  case "$1" in
    0) java -jar "$jar" "${@:2}" ;;
    1) java "${fast[@]}" -jar "$jar" "${@:2}" ;;
    2) java "${fast[@]}" -XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off \
         -jar "$jar" "${@:2}" ;;
    3) ./replicate4j "${@:2}" ;;
  esac
}

for ((i = 0; i < runs; i++)); do
  for s in 0 1 2 3; do
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S" -a -o "$work/cpu$s" bash -c "$(declare -f setup); $(declare -p jar cds fast); setup $s run sdxl prompt=startup --no-wait --base-url $base_url --api-key stub-relay-key" >/dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) >>"$work/wall$s"
  done
done

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for s in 0 1 2 3; do
  printf '%-54s wall median %4d ms (min %d, max %d)   CPU median %4d ms   %d runs\n' "${labels[$s]}" \
    "$(median <"$work/wall$s")" "$(sort -n "$work/wall$s" | head -1)" \
    "$(sort -n "$work/wall$s" | tail -1)" \
    "$(awk '{print int(($1 + $2) * 1000)}' "$work/cpu$s" | median)" "$runs"
done
