#!/usr/bin/env bash
# Figures of a three-silo cluster (docs/benchmarks.md, "Cluster"): memory and CPU of each silo while
# it monitors its share of HOSTS simulated hosts, then the time from a kill -9 of the silo holding the
# most hosts until a survivor has polled every one of them again.
#
#   dotnet build OllamaOrleans.sln -c Release && tests/OllamaOrleans.Benchmarks/cluster-figures.sh
#
# Settings (default): HOSTS (300), SILOS (3), COLLECT_INTERVAL (10), MEASURE_SECONDS (60), BASE_PORT (24000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
hosts="${HOSTS:-300}" silos="${SILOS:-3}" interval="${COLLECT_INTERVAL:-10}" measure="${MEASURE_SECONDS:-60}"
base="${BASE_PORT:-24000}"
sim_port=$((base + 1000)) control=$((base + 999)) redis_port=$((base + 998))
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
bin() { printf '%s/%s/bin/Release/net10.0/%s' "$root" "$1" "$2"; }
now() { date +%s.%N; }

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
DOTNET_gcServer=0 dotnet "$(bin tests/OllamaSimulator OllamaSimulator.dll)" --hosts "$hosts" --port "$sim_port" --control-port "$control" >"$work/sim.log" 2>&1 &
pids+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$control/_sim/hosts"; do sleep 0.5; done
urls="$(seq -s, -f "http://127.0.0.1:%g" "$sim_port" $((sim_port + hosts - 1)))"

silo_pids=()
for ((i = 0; i < silos; i++)); do
  extra=()
  ((i == 0)) && extra=(OLLAMA_URL="$urls")
  env "${extra[@]}" DOTNET_gcServer=0 REDIS_CONNECTION="127.0.0.1:$redis_port" Orleans__AdvertisedAddress=127.0.0.1 \
    Orleans__ClusterId=bench Orleans__ServiceId=bench COLLECT_INTERVAL="$interval" Resources__Enabled=false \
    EXPORTER_PORT=$((base + i)) Orleans__SiloPort=$((base + 100 + i)) Orleans__GatewayPort=$((base + 200 + i)) \
    dotnet "$(bin silo OllamaOrleans.Silo.dll)" >"$work/silo-$i.log" 2>&1 &
  pids+=($!) silo_pids+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$((base + i))/ready"; do sleep 0.5; done
done

# exported: "host silo" per line for every ollama_up series of every silo.
exported() {
  local i
  for ((i = 0; i < silos; i++)); do
    [ -n "${silo_pids[$i]}" ] || continue
    curl -fs "http://127.0.0.1:$((base + i))/metrics" | sed -n "s/^ollama_up{host=\"\([^\"]*\)\".*/\1 $i/p" || true
  done
}
settle_start=$(now)
until [ "$(exported | awk '{print $1}' | sort -u | wc -l)" = "$hosts" ] && [ "$(exported | wc -l)" = "$hosts" ]; do sleep 1; done
echo "settled: $hosts hosts exported exactly once after $(echo "$(now) - $settle_start" | bc) s"
exported | awk '{n[$2]++} END {for (s in n) printf "  silo %s holds %d hosts\n", s, n[s]}' | sort

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A before
for p in "${silo_pids[@]}"; do before[$p]=$(cpu "$p"); done
sleep "$measure"
echo "| silo | hosts | RSS (MiB) | CPU (% of one core, ${measure} s average) |"
echo "| --- | --- | --- | --- |"
for ((i = 0; i < silos; i++)); do
  p=${silo_pids[$i]}
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$p/status")
  used=$(( $(cpu "$p") - ${before[$p]} ))
  held=$(exported | awk -v s="$i" '$2 == s' | wc -l)
  echo "| $i | $held | $rss | $(echo "scale=1; 100 * $used / $ticks / $measure" | bc) |"
done

victim=$(exported | awk '{n[$2]++} END {for (s in n) print n[s], s}' | sort -rn | head -1 | awk '{print $2}')
orphans=$(exported | awk -v s="$victim" '$2 == s {print $1}')
count=$(echo "$orphans" | wc -l)
kill -9 "${silo_pids[$victim]}"
killed=$(now) killed_s=$(date +%s)
silo_pids[$victim]=""
polled_since_kill() {
  local i
  for ((i = 0; i < silos; i++)); do
    [ -n "${silo_pids[$i]}" ] || continue
    curl -fs "http://127.0.0.1:$((base + i))/metrics" | sed -n "s/^ollama_last_poll_timestamp_seconds{host=\"\([^\"]*\)\"} \(.*\)/\1 \2/p" || true
  done | awk -v t="$killed_s" '$2 > t {print $1}' | sort -u
}
until [ "$(comm -12 <(echo "$orphans" | sort) <(polled_since_kill) | wc -l)" = "$count" ]; do sleep 0.5; done
echo "kill -9 of silo $victim ($count hosts): every one polled again by a survivor after $(echo "$(now) - $killed" | bc) s"
