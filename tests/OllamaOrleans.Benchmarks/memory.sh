#!/usr/bin/env bash
# Resident memory of the silo (issue 16): one silo watching one simulated host, the same silo watching
# 1 + MORE hosts (5 models each) and what each further host adds, beside the original exporter watching
# one host and the smallest ASP.NET Core app (tests/MemoryFloor) as the floor, all in one run.
#   tests/OllamaOrleans.Benchmarks/memory.sh EXPORTER.py|DESIGN.md [MORE]      (MORE defaults to 300)
# EXPORTER is taken as in original.sh (a Markdown design document: its "### Custom Ollama Exporter"
# python block, into a temporary folder). Needs Debian's python3-prometheus-client, python3-requests,
# python3-psutil (/usr/bin/python3). Each process is sampled every 2 s for SAMPLE seconds (default 20)
# after WARM_UP seconds (default 40: the first polls, the dashboard's first counter updates, a few GCs);
# the row shows the median and the highest sample, and Rss split into anonymous memory (heaps, stacks,
# JIT code) and file pages (the mapped assemblies and libraries). REPEATS (default 2) fresh runs of each.
# The silo runs as `dotnet run` or the image would start it: its own runtimeconfig, only ports and hosts
# set; the hosts stand for remote servers, so the node's process collector is off (Resources:Enabled=false).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 EXPORTER.py|DESIGN.md [MORE]" >&2; exit 2; }
exporter_source="$(realpath "$1")"; more="${2:-300}"
[ -f "$exporter_source" ] || { echo "no such file: $exporter_source" >&2; exit 2; }
warm_up="${WARM_UP:-40}"; sample="${SAMPLE:-20}"; repeats="${REPEATS:-2}"
for project in tests/OllamaSimulator silo tests/MemoryFloor; do dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null; done
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
case "$exporter_source" in
  *.md) awk '/^### Custom Ollama Exporter/ {want=1; next} want && /^```python/ {on=1; next} on && /^```/ {exit} on {print}' \
          "$exporter_source" >"$work/exporter.py" ;;
  *) cp "$exporter_source" "$work/exporter.py" ;;
esac
[ -s "$work/exporter.py" ] || { echo "no exporter code found in $exporter_source" >&2; exit 1; }
# below the ephemeral range (32768-60999), where other processes' outgoing connections could take a port
first=21000; control=20999; port=20619

wait_for() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/smaps_rollup"; }
# prints "median max anon file" in KiB over the sampling window
measure() {
  sleep "$warm_up"; : >"$work/samples"
  for _ in $(seq 1 $((sample / 2))); do
    echo "$(kib "$1" Rss) $(kib "$1" Anonymous)" >>"$work/samples"; sleep 2
  done
  sort -n "$work/samples" | awk '{ r[NR] = $1; a[NR] = $2 } END { m = int((NR + 1) / 2); print r[m], r[NR], a[m], r[m] - a[m] }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
row() { # label, hosts, "median max anon file"
  read -r med max anon file <<<"$3"
  echo "| $1 | $2 | $(mib "$med") | $(mib "$max") | $(mib "$anon") | $(mib "$file") |"
}
start_simulator() {
  dotnet tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll --hosts "$1" --port $first --control-port $control >"$work/sim.log" 2>&1 & sim=$!; pids+=($sim)
  for _ in $(seq 1 300); do grep -q 'simulator ready' "$work/sim.log" && return 0; sleep 0.2; done
  echo "simulator not ready:"; tail -5 "$work/sim.log"; exit 1
}
silo_rss() { # hosts -> "median max anon file"
  local hosts=(); for i in $(seq 0 $(($1 - 1))); do hosts+=("Monitor__Hosts__${i}__Url=http://127.0.0.1:$((first + i))"); done
  env "${hosts[@]}" COLLECT_INTERVAL=10 EXPORTER_PORT=$port Resources__Enabled=false Orleans__SiloPort=20111 Orleans__GatewayPort=20000 \
    dotnet silo/bin/Release/net10.0/OllamaOrleans.Silo.dll >"$work/silo.log" 2>&1 & silo=$!; pids+=($silo)
  wait_for "http://127.0.0.1:$port/ready" || { tail -20 "$work/silo.log" >&2; exit 1; }
  measure $silo
  for path in /metrics /dashboard/ /healthz /ready; do curl -sf -o /dev/null "http://127.0.0.1:$port$path" || echo "silo: $path did not answer" >&2; done
  kill $silo; wait $silo 2>/dev/null || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u +%F)"
echo "| process | hosts | RSS (median) | RSS (max) | anonymous | file-backed |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
start_simulator $((1 + more))
one=(); many=()
for r in $(seq 1 "$repeats"); do
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet tests/MemoryFloor/bin/Release/net10.0/MemoryFloor.dll >"$work/floor.log" 2>&1 & floor=$!; pids+=($floor)
  wait_for "http://127.0.0.1:$port/" && row "floor: minimal ASP.NET Core app" 0 "$(measure $floor)"
  kill $floor; wait $floor 2>/dev/null || true

  OLLAMA_URL="http://127.0.0.1:$first" EXPORTER_PORT=$port COLLECT_INTERVAL=10 /usr/bin/python3 "$work/exporter.py" >"$work/exporter.log" 2>&1 & exporter=$!; pids+=($exporter)
  wait_for "http://127.0.0.1:$port/metrics" || { tail -5 "$work/exporter.log" >&2; exit 1; }
  row "original exporter" 1 "$(measure $exporter)"
  kill $exporter; wait $exporter 2>/dev/null || true

  one+=("$(silo_rss 1)"); row "silo" 1 "${one[-1]}"
  many+=("$(silo_rss $((1 + more)))"); row "silo" $((1 + more)) "${many[-1]}"
  read -r a _ <<<"${one[-1]}"; read -r b _ <<<"${many[-1]}"
  echo "| each further host (run $r) | | $(awk -v a="$a" -v b="$b" -v n="$more" 'BEGIN { printf "%.1f KiB", (b - a) / n }') | | | |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
