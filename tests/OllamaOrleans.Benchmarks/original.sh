#!/usr/bin/env bash
# The original design's single-host exporter against the same simulator as fleet.sh.
#   tests/OllamaOrleans.Benchmarks/original.sh EXPORTER [hosts...]           (default hosts: 100 300)
# EXPORTER is the exporter's Python file, or a Markdown design document that holds it (the first
# ```python block after "### Custom Ollama Exporter" is taken, into a temporary folder; never committed).
# It watches one OLLAMA_URL per process, so N hosts take N processes, each on its own EXPORTER_PORT,
# all polling every 10 s (COLLECT_INTERVAL=10) as the silo does. Needs Debian's python3-prometheus-client,
# python3-requests, python3-psutil (/usr/bin/python3) and jq. Prints one row per size: CPU and memory of all
# exporters over a minute (Pss splits shared pages among the processes), CPU per poll (the minute's CPU over
# the polls the simulator counted in it), polls per host per minute as the
# simulator counted them (6 when every poll keeps its 10 s), and the time to scrape one exporter.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 EXPORTER.py|DESIGN.md [hosts...]" >&2; exit 2; }
exporter_source="$(realpath "$1")"; shift
[ -f "$exporter_source" ] || { echo "no such file: $exporter_source" >&2; exit 2; }
sizes=("${@:-100 300}"); read -r -a sizes <<<"${sizes[*]}"
for project in tests/OllamaSimulator tests/OllamaOrleans.Benchmarks; do dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null; done
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
case "$exporter_source" in
  *.md) awk '/^### Custom Ollama Exporter/ {want=1; next} want && /^```python/ {on=1; next} on && /^```/ {exit} on {print}' \
          "$exporter_source" >"$work/exporter.py" ;;
  *) cp "$exporter_source" "$work/exporter.py" ;;
esac
[ -s "$work/exporter.py" ] || { echo "no exporter code found in $exporter_source" >&2; exit 1; }
# below the ephemeral range (32768-60999), where other processes' outgoing connections could take a port;
# PORT_SHIFT moves them all, so two runs can share a machine
shift_by=${PORT_SHIFT:-0}
first=$((27000 + shift_by)); control=$((26999 + shift_by)); exporters=$((28000 + shift_by))
control_url="http://127.0.0.1:$control"
version_polls() { curl -sf "$control_url/_sim/hosts" | jq '[.hosts[].counters.requests[] | select(.endpoint == "GET /api/version") | .count] | add // 0'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u +%F)"
echo "| exporter | hosts (processes) | CPU (cores, 1 min) | millicores per host | CPU per poll | RSS sum | Pss sum | Pss per host | polls per host per minute | scrape of one exporter |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dotnet tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll --hosts "$n" --port $first --control-port $control >"$work/sim.log" 2>&1 & sim=$!; pids+=($sim)
  for _ in $(seq 1 300); do grep -q 'simulator ready' "$work/sim.log" && break; sleep 0.2; done
  grep -q 'simulator ready' "$work/sim.log" || { echo "simulator not ready:"; tail -5 "$work/sim.log"; exit 1; }
  exporter_pids=()
  for i in $(seq 0 $((n - 1))); do
    OLLAMA_URL="http://127.0.0.1:$((first + i))" EXPORTER_PORT=$((exporters + i)) COLLECT_INTERVAL=10 \
      /usr/bin/python3 "$work/exporter.py" >"$work/exporter-$i.log" 2>&1 & exporter_pids+=($!); pids+=($!)
    # start them in batches, as a process manager would, so start-up does not starve the machine
    [ $((i % 20)) -eq 19 ] && sleep 2
  done
  for i in $(seq 0 $((n - 1))); do
    for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$((exporters + i))/metrics" && break; sleep 0.2; done
  done
  sleep "${WARM_UP:-30}"
  alive=(); for p in "${exporter_pids[@]}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
  [ ${#alive[@]} -eq "$n" ] || { echo "${#alive[@]} of $n exporters running; one that exited:"; for i in $(seq 0 $((n - 1))); do kill -0 "${exporter_pids[$i]}" 2>/dev/null || { tail -5 "$work/exporter-$i.log"; break; }; done; }
  before=$(version_polls)
  row=$(dotnet tests/OllamaOrleans.Benchmarks/bin/Release/net10.0/OllamaOrleans.Benchmarks.dll processes \
    --pids "$(IFS=,; echo "${alive[*]}")" --seconds 60 --label original --control "$control_url")
  after=$(version_polls)
  scrape=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$exporters/metrics")
  echo "$row $(awk -v a="$after" -v b="$before" -v n="${#alive[@]}" 'BEGIN { printf "%.2f", (a - b) / n }') | $(awk -v s="$scrape" 'BEGIN { printf "%.1f ms", s * 1000 }') |"
  kill "${exporter_pids[@]}" $sim; wait "${exporter_pids[@]}" $sim 2>/dev/null || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
