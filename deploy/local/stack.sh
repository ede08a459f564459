#!/usr/bin/env bash
# The compose stack without Docker: the Ollama simulator (unless OLLAMA_URL names real hosts),
# Redis and N silos in cluster mode (one silo: the embedded default, no Redis), Prometheus with the
# repository's rules, and Alertmanager with the repository's routing. The end-to-end tests use it.
#
#   deploy/local/stack.sh up       start everything, wait until each part answers, print the URLs
#   deploy/local/stack.sh status   what runs
#   deploy/local/stack.sh down     stop what `up` started (by its recorded process ids)
#   deploy/local/stack.sh config   only render the Prometheus configuration; print its path
#
# Needs the solution built (dotnet build -c Release) and Debian's prometheus,
# prometheus-alertmanager, redis-server and curl. Settings, all optional (default):
#   STACK_DIR (.stack)  state: process ids, logs, rendered configs, data
#   CONFIGURATION (Release)  which build to run
#   OLLAMA_URL  comma-separated Ollama base URLs to watch; unset: the simulator's hosts
#   SIM_HOSTS (3), SIM_PORT (21434), SIM_CONTROL_PORT (21400)  the simulator
#   SILOS (2), SILO_PORT (19619), ORLEANS_SILO_PORT (11111), ORLEANS_GATEWAY_PORT (30000)
#       silo i (from 0) serves HTTP on SILO_PORT+i and Orleans on the two others +i
#   REDIS_PORT (16379), PROMETHEUS_PORT (19090), ALERTMANAGER_PORT (19093), API_PORT (18080)
#   COLLECT_INTERVAL (10)  seconds between polls; SCRAPE_INTERVAL (5s), EVALUATION_INTERVAL (5s)
# Other silo settings pass through the environment, e.g. Monitor__Probes__Interval=00:00:10.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="${STACK_DIR:-$root/.stack}"
configuration="${CONFIGURATION:-Release}"
sim_hosts="${SIM_HOSTS:-3}" sim_port="${SIM_PORT:-21434}" sim_control="${SIM_CONTROL_PORT:-21400}"
silos="${SILOS:-2}" silo_port="${SILO_PORT:-19619}"
orleans_silo="${ORLEANS_SILO_PORT:-11111}" orleans_gateway="${ORLEANS_GATEWAY_PORT:-30000}"
redis_port="${REDIS_PORT:-16379}" prometheus_port="${PROMETHEUS_PORT:-19090}"
alertmanager_port="${ALERTMANAGER_PORT:-19093}" api_port="${API_PORT:-18080}"
collect="${COLLECT_INTERVAL:-10}" scrape="${SCRAPE_INTERVAL:-5s}" evaluation="${EVALUATION_INTERVAL:-5s}"

say() { printf 'stack: %s\n' "$*" >&2; }
built() { printf '%s/%s/bin/%s/net10.0/%s' "$root" "$1" "$configuration" "$2"; }

# start NAME COMMAND...: runs it in its own session, output to logs/NAME.log, id to run/NAME.pid.
start() {
  local name="$1"; shift
  setsid "$@" >"$state/logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$state/run/$name.pid"
}

# wait_for NAME SECONDS COMMAND...: until COMMAND succeeds; gives up if NAME's process has ended.
wait_for() {
  local name="$1" seconds="$2"; shift 2
  local until=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! alive "$name" || ((SECONDS >= until)); then
      say "$name did not come up; the end of $state/logs/$name.log:"
      tail -n 30 "$state/logs/$name.log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

answers() { curl -fsS -o /dev/null --max-time 2 "$1"; }

pid_of() { cat "$state/run/$1.pid" 2>/dev/null; }

# alive NAME: its recorded process still runs (and is still ours: same session leader).
alive() {
  local pid; pid="$(pid_of "$1")" || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && [ "$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f4)" = "$pid" ]
}

render_prometheus() {
  local targets="" i
  for ((i = 0; i < silos; i++)); do targets+="${targets:+, }\"127.0.0.1:$((silo_port + i))\""; done
  sed -e "s|@SCRAPE_INTERVAL@|$scrape|" -e "s|@EVALUATION_INTERVAL@|$evaluation|" \
      -e "s|@SITE@|local|" -e "s|@RULES@|$root/deploy/prometheus/alert_rules.yml|" \
      -e "s|@ALERTMANAGER_PORT@|$alertmanager_port|g" -e "s|@PROMETHEUS_PORT@|$prometheus_port|g" \
      -e "s|@SILO_TARGETS@|$targets|" \
      "$root/deploy/local/prometheus.yml.in" >"$state/prometheus.yml"
}

up() {
  local name
  for name in simulator redis api prometheus alertmanager $(seq -f 'silo-%g' 0 $((silos - 1))); do
    if alive "$name"; then say "$name already runs (pid $(pid_of "$name")); stop it with: $0 down"; exit 1; fi
  done
  local silo_dll; silo_dll="$(built silo OllamaOrleans.Silo.dll)"
  [ -f "$silo_dll" ] || { say "$silo_dll is missing: build first (dotnet build OllamaOrleans.sln -c $configuration)"; exit 1; }
  mkdir -p "$state/run" "$state/logs" "$state/redis" "$state/prometheus" "$state/alertmanager"
  trap 'say "start-up failed; stopping what started"; down; exit 1' ERR

  local urls="${OLLAMA_URL:-}"
  if [ -z "$urls" ]; then
    start simulator dotnet "$(built tests/OllamaSimulator OllamaSimulator.dll)" \
      --hosts "$sim_hosts" --port "$sim_port" --control-port "$sim_control"
    wait_for simulator 60 answers "http://127.0.0.1:$sim_control/_sim/hosts"
    local i; for ((i = 0; i < sim_hosts; i++)); do urls+="${urls:+,}http://127.0.0.1:$((sim_port + i))"; done
  fi

  local cluster=()
  if ((silos > 1)); then
    start redis redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$state/redis"
    wait_for redis 30 redis-cli -p "$redis_port" ping
    cluster=(REDIS_CONNECTION="127.0.0.1:$redis_port" Orleans__AdvertisedAddress=127.0.0.1)
  fi

  for ((i = 0; i < silos; i++)); do
    start "silo-$i" env OLLAMA_URL="$urls" COLLECT_INTERVAL="$collect" EXPORTER_PORT="$((silo_port + i))" \
      Orleans__SiloPort="$((orleans_silo + i))" Orleans__GatewayPort="$((orleans_gateway + i))" "${cluster[@]}" \
      dotnet "$silo_dll"
  done
  for ((i = 0; i < silos; i++)); do wait_for "silo-$i" 120 answers "http://127.0.0.1:$((silo_port + i))/ready"; done

  # The api runs as its own process in cluster mode only (the embedded default co-hosts it), and only
  # once the project builds a program (a runtimeconfig.json beside its dll).
  local api_dll; api_dll="$(built api/OllamaOrleans.Api.Host OllamaOrleans.Api.Host.dll)"
  if ((silos > 1)) && [ -f "${api_dll%.dll}.runtimeconfig.json" ]; then
    start api env "${cluster[@]}" API_PORT="$api_port" dotnet "$api_dll"
    wait_for api 60 curl -sS -o /dev/null --max-time 2 "http://127.0.0.1:$api_port/"
  fi

  start alertmanager prometheus-alertmanager --config.file="$root/deploy/alertmanager/alertmanager.yml" \
    --storage.path="$state/alertmanager" --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address=""
  wait_for alertmanager 30 answers "http://127.0.0.1:$alertmanager_port/-/ready"

  render_prometheus
  start prometheus prometheus --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/prometheus" \
    --web.listen-address="127.0.0.1:$prometheus_port"
  wait_for prometheus 30 answers "http://127.0.0.1:$prometheus_port/-/ready"
  trap - ERR
  status
}

down() {
  local file name pid
  for file in "$state"/run/*.pid; do
    [ -f "$file" ] || continue
    name="$(basename "$file" .pid)"
    if alive "$name"; then
      pid="$(pid_of "$name")"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
      say "stopped $name (pid $pid)"
    fi
    rm -f "$file"
  done
}

status() {
  local file name
  for file in "$state"/run/*.pid; do
    [ -f "$file" ] || continue
    name="$(basename "$file" .pid)"
    printf '%-13s %-8s %s\n' "$name" "$(alive "$name" && pid_of "$name" || echo stopped)" "$(where "$name")"
  done
}

where() {
  case "$1" in
    simulator) echo "control http://127.0.0.1:$sim_control/_sim/hosts, hosts from port $sim_port" ;;
    redis) echo "127.0.0.1:$redis_port" ;;
    silo-*) echo "http://127.0.0.1:$((silo_port + ${1#silo-}))/ (metrics, dashboard, ready)" ;;
    api) echo "http://127.0.0.1:$api_port/" ;;
    prometheus) echo "http://127.0.0.1:$prometheus_port/" ;;
    alertmanager) echo "http://127.0.0.1:$alertmanager_port/" ;;
  esac
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  config) mkdir -p "$state"; render_prometheus; echo "$state/prometheus.yml" ;;
  *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
