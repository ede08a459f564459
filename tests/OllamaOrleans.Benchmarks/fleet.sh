#!/usr/bin/env bash
# Fleet-scale benchmark: the simulator serving N hosts (5 models each) and one silo polling them every
# 10 s, as processes on loopback; the driver (FleetBenchmark) prints one row per silo run.
#   tests/OllamaOrleans.Benchmarks/fleet.sh [hosts...]             (default: 100 1000 3000)
#   BASELINE=/path/to/OllamaOrleans.Silo.dll fleet.sh 1000          (that build and this one, alternately)
#   ORIGINAL=path/to/exporter.py|design.md fleet.sh 300             (then original.sh on as many hosts, and the
#                                                                    ratio of CPU per host-poll, original over silo)
# The hosts stand for remote servers, so the node's process collector is off (Resources:Enabled=false);
# every simulated host listens on loopback, which the collector would take for a local Ollama.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-100 1000 3000}"); read -r -a sizes <<<"${sizes[*]}"
for project in tests/OllamaSimulator silo tests/OllamaOrleans.Benchmarks; do dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null; done
current=silo/bin/Release/net10.0/OllamaOrleans.Silo.dll
builds=("$current"); [ -n "${BASELINE:-}" ] && builds=("$BASELINE" "$current" "$BASELINE" "$current")
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# below the ephemeral range (32768-60999), where other processes' outgoing connections could take a port;
# PORT_SHIFT moves every port of the run (the silo's, the simulator's), so two runs can share a machine
shift_by=${PORT_SHIFT:-0}
first=$((24000 + shift_by)); control=$((23999 + shift_by)); port=$((23619 + shift_by))
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u +%F)"
echo "| silo | hosts | all polled after | CPU (cores, 1 min) | CPU per host-poll | RSS | RSS per host | RSS after scrapes | scrape p50 | scrape p99 | exposition | down → ollama_up 0 | load → series |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  for build in "${builds[@]}"; do
    dotnet tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll --hosts "$n" --port $first --control-port $control >"$work/sim.log" 2>&1 & sim=$!; pids+=($sim)
    for _ in $(seq 1 300); do grep -q 'simulator ready' "$work/sim.log" && break; sleep 0.2; done
    grep -q 'simulator ready' "$work/sim.log" || { echo "simulator not ready:"; tail -5 "$work/sim.log"; exit 1; }
    hosts=(); for i in $(seq 0 $((n - 1))); do hosts+=("Monitor__Hosts__${i}__Url=http://127.0.0.1:$((first + i))"); done
    env "${hosts[@]}" COLLECT_INTERVAL=10 EXPORTER_PORT=$port Resources__Enabled=false Orleans__SiloPort=$((23111 + shift_by)) Orleans__GatewayPort=$((23000 + shift_by)) \
      dotnet "$build" >"$work/silo.log" 2>&1 & silo=$!; pids+=($silo)
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.2; done
    label="$( [ "$build" = "$current" ] && echo this || echo baseline)"
    row=$(dotnet tests/OllamaOrleans.Benchmarks/bin/Release/net10.0/OllamaOrleans.Benchmarks.dll fleet --silo-pid $silo --silo "http://127.0.0.1:$port" \
      --control "http://127.0.0.1:$control" --hosts "$n" --first-port $first --label "$label" ${WARM_UP:+--warm-up $WARM_UP}) \
      || { echo "driver failed; simulator log:"; tail -20 "$work/sim.log"; echo "silo log:"; tail -20 "$work/silo.log"; exit 1; }
    echo "$row"; echo "$label $(echo "$row" | awk -F'|' '{ gsub(/[ ms,]/, "", $6); print $6 }')" >>"$work/per-poll-$n"
    kill $silo $sim; wait $silo $sim 2>/dev/null || true
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${ORIGINAL:-}" ] || exit 0
# The original exporter on as many hosts, then CPU per host-poll side by side: the silo's mean over its runs.
for n in "${sizes[@]}"; do
  table=$(tests/OllamaOrleans.Benchmarks/original.sh "$ORIGINAL" "$n"); echo "$table"
  original=$(echo "$table" | awk -F'|' '$2 ~ /original/ { gsub(/[ ms,]/, "", $6); print $6 }')
  awk -v n="$n" -v o="$original" '{ sum[$1] += $2; runs[$1]++ } END {
    printf "CPU per host-poll at %d hosts: original %.3f ms", n, o
    for (b in sum) printf "; %s %.3f ms (mean of %d), %.1fx below the original", b, sum[b] / runs[b], runs[b], o / (sum[b] / runs[b])
    print "" }' "$work/per-poll-$n"
done
