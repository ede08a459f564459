#!/usr/bin/env bash
# Figures of a Redis-backed cluster of silos watching HOSTS simulated hosts of 5 models each
# (docs/benchmarks.md, "Cluster" and "Cluster at 10,000 hosts"): registration and settling times,
# memory and CPU of every process (silos, simulators, Redis), scrape times and sizes of each silo,
# then the time from a kill -9 of the silo holding the most hosts until a survivor has polled every
# one of them again, and a check that every host is still exported exactly once.
#
#   dotnet build silo/OllamaOrleans.Silo.csproj -c Release && dotnet build tests/OllamaSimulator -c Release
#   HOSTS=10000 COLLECT_INTERVAL=30 tests/OllamaOrleans.Benchmarks/cluster-figures.sh
#
# Settings (default): HOSTS (300), SILOS (3), COLLECT_INTERVAL (10, seconds between polls of a host),
# MEASURE_SECONDS (60), SCRAPES (20 per silo, back to back, round robin), BASE_PORT (1100: silos'
# HTTP, silo and gateway ports, Redis, simulator control ports), SIM_PORT (3000: the first simulated
# host; the hosts must stay below the ephemeral port range), SIM_ADDRESS (127.0.0.2: the simulated
# hosts' loopback address, apart from the ports other processes bind on 127.0.0.1), START_TIMEOUT
# (300 s for each process to come up and for the fleet to settle), RECOVERY_TIMEOUT (180 s),
# KEEP_LOGS (unset: a folder to copy the processes' logs to on exit).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
hosts="${HOSTS:-300}" silos="${SILOS:-3}" interval="${COLLECT_INTERVAL:-10}" measure="${MEASURE_SECONDS:-60}"
scrapes="${SCRAPES:-20}" base="${BASE_PORT:-1100}" sim_port="${SIM_PORT:-3000}" sim_address="${SIM_ADDRESS:-127.0.0.2}"
start_timeout="${START_TIMEOUT:-300}" recovery_timeout="${RECOVERY_TIMEOUT:-180}"
redis_port=$((base + 900)) control_base=$((base + 901))
work="$(mktemp -d)"
pids=() silo_pids=() sim_pids=() sim_hosts=()
figures=()

fail() { echo "FAILED: $*" >&2; exit 1; }
cleanup() {
  local status=$? p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if ((status != 0)); then
    for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- last lines of $(basename "$log")" >&2; tail -5 "$log" >&2; }; done
  fi
  [ -n "${KEEP_LOGS:-}" ] && mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
bin() { printf '%s/%s/bin/Release/net10.0/%s' "$root" "$1" "$2"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
within() { awk -v a="$1" -v b="$(now)" -v limit="$2" 'BEGIN { exit !(b - a < limit) }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
figure() { figures+=("| $1 | $2 |"); echo "$1: $2"; }

# --- checks before anything starts
for tool in redis-server redis-cli curl bc awk ss; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
for dll in "$(bin silo OllamaOrleans.Silo.dll)" "$(bin tests/OllamaSimulator OllamaSimulator.dll)"; do
  [ -f "$dll" ] || fail "$dll is missing: build it with dotnet build -c Release first"
done
read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
((sim_port + hosts <= ephemeral_low)) ||
  fail "simulated hosts on ports $sim_port-$((sim_port + hosts - 1)) reach the ephemeral range (from $ephemeral_low), where outgoing connections take ports: lower SIM_PORT or HOSTS"
((base + 1000 <= sim_port || base > sim_port + hosts)) || fail "BASE_PORT $base overlaps the simulated hosts' ports"
own=" $redis_port $(seq -s ' ' "$control_base" $((control_base + 9))) "
for ((i = 0; i < silos; i++)); do own+="$((base + i)) $((base + 100 + i)) $((base + 200 + i)) "; done
busy=$(ss -ltnH | awk -v lo="$sim_port" -v hi=$((sim_port + hosts - 1)) -v own="$own" -v sim="$sim_address" '
  { n = split($4, a, ":"); p = a[n] + 0; address = substr($4, 1, length($4) - length(a[n]) - 1) }
  (p >= lo && p <= hi && (address == sim || address !~ /^127\./)) || index(own, " " p " ") { print p }' | sort -nu | head -5 | tr '\n' ' ')
[ -z "$busy" ] || fail "ports in use by other processes: $busy(choose other BASE_PORT or SIM_PORT)"
# Each simulated host holds a listening socket and up to 3 keep-alive connections (a poll's three
# calls run in parallel): a simulator process serves as many hosts as its file descriptors allow.
files=$(ulimit -n)
per_sim=$(((files - 500) / 4))
((per_sim > 0)) || fail "ulimit -n is $files: too few file descriptors for a simulator"
# A silo likewise holds up to 3 connections per host it polls; after the kill the survivors share all.
survivors=$((silos > 1 ? silos - 1 : 1))
((3 * hosts / survivors + 1000 <= files)) ||
  fail "ulimit -n is $files: a surviving silo would poll $((hosts / survivors)) hosts over up to $((3 * hosts / survivors)) connections; raise it, or add SILOS"
sims=$(((hosts + per_sim - 1) / per_sim))
per_sim=$(((hosts + sims - 1) / sims))

echo "cluster figures: $hosts hosts x 5 models, $silos silos, poll interval ${interval} s, $(nproc) cores, $(date -u '+%F %T') UTC"
echo "load average before: $(load); $sims simulator process(es) of up to $per_sim hosts (ulimit -n $files)"

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!) redis_pid=$!
for ((t = 0; t < 100; t++)); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$redis_port" ping >/dev/null 2>&1 || fail "redis-server did not answer on port $redis_port"

started=$(now)
for ((s = 0; s < sims; s++)); do
  first=$((sim_port + s * per_sim)) count=$((hosts - s * per_sim < per_sim ? hosts - s * per_sim : per_sim))
  DOTNET_gcServer=0 dotnet "$(bin tests/OllamaSimulator OllamaSimulator.dll)" --hosts "$count" --port "$first" --listen "$sim_address" \
    --control-port $((control_base + s)) >"$work/sim-$s.log" 2>&1 &
  pids+=($!) sim_pids+=($!) sim_hosts+=("$count")
done
for ((s = 0; s < sims; s++)); do
  until grep -qs 'simulator ready' "$work/sim-$s.log"; do
    kill -0 "${sim_pids[$s]}" 2>/dev/null || fail "simulator $s exited (log sim-$s.log below)"
    within "$started" "$start_timeout" || fail "simulator $s not ready after $start_timeout s (log sim-$s.log below)"
    sleep 0.2
  done
done
figure "simulators ready ($hosts hosts)" "$(since "$started") s"

# wait_ready I: until silo I answers /ready, or fail.
wait_ready() {
  local i=$1 started
  started=$(now)
  while within "$started" "$start_timeout"; do
    curl -fs -m 5 -o /dev/null "http://127.0.0.1:$((base + i))/ready" && return 0
    kill -0 "${silo_pids[$i]}" 2>/dev/null || fail "silo $i exited (log silo-$i.log below)"
    sleep 0.5
  done
  fail "silo $i not ready after $start_timeout s (log silo-$i.log below)"
}
# The last silo registers the hosts from its configuration (Monitor:Hosts:N:Url: one variable each,
# since OLLAMA_URL with 10,000 addresses is longer than one variable may be) when the others run, so
# the hosts are spread from the start: one silo alone would open a poll's three keep-alive
# connections to every host, 30,000 sockets for 10,000 hosts, over a ulimit -n of 20,000.
registrations=()
for ((h = 0; h < hosts; h++)); do registrations+=("Monitor__Hosts__${h}__Url=http://$sim_address:$((sim_port + h))"); done
for ((i = 0; i < silos; i++)); do
  extra=()
  ((i == silos - 1)) && extra=("${registrations[@]}")
  started=$(now)
  env "${extra[@]}" DOTNET_gcServer=0 REDIS_CONNECTION="127.0.0.1:$redis_port" Orleans__AdvertisedAddress=127.0.0.1 \
    Orleans__ClusterId=bench Orleans__ServiceId=bench COLLECT_INTERVAL="$interval" Resources__Enabled=false \
    EXPORTER_PORT=$((base + i)) Orleans__SiloPort=$((base + 100 + i)) Orleans__GatewayPort=$((base + 200 + i)) \
    dotnet "$(bin silo OllamaOrleans.Silo.dll)" >"$work/silo-$i.log" 2>&1 &
  pids+=($!) silo_pids+=($!)
  wait_ready "$i"
  ((i == silos - 1)) && figure "silo $i started until ready: $hosts hosts registered and started" "$(since "$started") s"
done

# scrape_all: every live silo's /metrics into $work/metrics-I; exported: "host silo" per ollama_up series.
scrape_all() {
  local i
  for ((i = 0; i < silos; i++)); do
    rm -f "$work/metrics-$i"
    [ -n "${silo_pids[$i]}" ] || continue
    curl -fs -m 60 -o "$work/metrics-$i" "http://127.0.0.1:$((base + i))/metrics" || true
  done
}
exported() {
  local i
  for ((i = 0; i < silos; i++)); do
    [ -f "$work/metrics-$i" ] && sed -n "s/^ollama_up{host=\"\([^\"]*\)\".*/\1 $i/p" "$work/metrics-$i"
  done
  return 0
}
# settle WHAT: until every host is exported by exactly one live silo, or fail.
settle() {
  local started distinct total
  started=$(now)
  while :; do
    scrape_all
    exported >"$work/exported"
    distinct=$(awk '{print $1}' "$work/exported" | sort -u | wc -l) total=$(wc -l <"$work/exported")
    [ "$distinct" = "$hosts" ] && [ "$total" = "$hosts" ] && break
    within "$started" "$start_timeout" ||
      fail "$1: after $start_timeout s $distinct of $hosts hosts exported, $total series of ollama_up"
    sleep 1
  done
  figure "$1" "$(since "$started") s"
}
settle "last silo ready until every host was exported exactly once"
awk '{n[$2]++} END {for (s in n) printf "  silo %s exports %d hosts\n", s, n[s]}' "$work/exported" | sort

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
declare -A before
measured=("${silo_pids[@]}" "${sim_pids[@]}" "$redis_pid")
for p in "${measured[@]}"; do before[$p]=$(cpu "$p"); done
load_before=$(load)
sleep "$measure"
echo
echo "Processes over ${measure} s (load average before $load_before, after $(load)):"
echo
echo "| process | hosts | RSS (MiB) | CPU (% of one core) | open files |"
echo "| --- | ---: | ---: | ---: | ---: |"
row() { echo "| $1 | $2 | $(rss "$3") | $(echo "scale=1; 100 * ($(cpu "$3") - ${before[$3]}) / $ticks / $measure" | bc) | $(ls "/proc/$3/fd" | wc -l) |"; }
for ((i = 0; i < silos; i++)); do row "silo $i" "$(awk -v s="$i" '$2 == s' "$work/exported" | wc -l)" "${silo_pids[$i]}"; done
for ((s = 0; s < sims; s++)); do row "simulator $s" "${sim_hosts[$s]}" "${sim_pids[$s]}"; done
row "redis" "$(redis-cli -p "$redis_port" dbsize) keys" "$redis_pid"

# Back-to-back scrapes, round robin over the silos: time of the whole body as curl reads it.
echo
echo "Scrapes ($scrapes per silo, load average before $(load)):"
echo
echo "| silo | scrape p50 (ms) | scrape p99 (ms) | max (ms) | exposition (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for ((n = 0; n < scrapes; n++)); do
  for ((i = 0; i < silos; i++)); do
    curl -fs -m 60 -o /dev/null -w "$i %{time_total} %{size_download}\n" "http://127.0.0.1:$((base + i))/metrics" >>"$work/scrapes" ||
      fail "scrape of silo $i failed"
  done
done
for ((i = 0; i < silos; i++)); do
  awk -v s="$i" '$1 == s {print $2 * 1000, $3}' "$work/scrapes" | sort -n | awk '
    { t[NR] = $1; size = $2 }
    END { p = rank(NR); printf "| %s | %.0f | %.0f | %.0f | %.1f |\n", silo, t[int((NR + 1) / 2)], t[p], t[NR], size / 1048576 }
    function rank(n) { r = int(0.99 * n + 0.999999); return r < 1 ? 1 : r }' silo="$i"
done

# kill -9 of the silo exporting the most hosts; recovered when a survivor polled each of them again.
victim=$(awk '{n[$2]++} END {for (s in n) print n[s], s}' "$work/exported" | sort -rn | head -1 | awk '{print $2}')
awk -v s="$victim" '$2 == s {print $1}' "$work/exported" | sort >"$work/orphans"
count=$(wc -l <"$work/orphans")
echo
kill -9 "${silo_pids[$victim]}"
{ wait "${silo_pids[$victim]}"; } 2>/dev/null || true
killed=$(now) killed_s=$(date +%s)
silo_pids[$victim]=""
while :; do
  scrape_all
  for ((i = 0; i < silos; i++)); do
    [ -f "$work/metrics-$i" ] && sed -n "s/^ollama_last_poll_timestamp_seconds{host=\"\([^\"]*\)\"} \(.*\)/\1 \2/p" "$work/metrics-$i"
  done | awk -v t="$killed_s" '$2 > t {print $1}' | sort -u >"$work/polled"
  left=$(comm -23 "$work/orphans" "$work/polled" | wc -l)
  ((left == 0)) && break
  within "$killed" "$recovery_timeout" ||
    fail "after $recovery_timeout s, $left of silo $victim's $count hosts were not polled again"
  sleep 0.5
done
figure "kill -9 of silo $victim ($count hosts) until every one was polled again by a survivor" "$(since "$killed") s"
settle "after recovery, until every host was exported exactly once by the survivors"

echo
echo "Summary ($hosts hosts x 5 models, $silos silos, poll interval ${interval} s, load average now $(load)):"
echo
echo "| figure | value |"
echo "| --- | --- |"
printf '%s\n' "${figures[@]}"
