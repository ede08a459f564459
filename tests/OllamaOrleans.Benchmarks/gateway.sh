#!/usr/bin/env bash
# Gateway benchmark: the simulator, the silo (gateway) and nginx (Debian's, the reference proxy) as
# processes on loopback; the load tool measures direct, gateway and nginx side by side.
#   tests/OllamaOrleans.Benchmarks/gateway.sh [rounds]
# SILO_DLL=path/OllamaOrleans.Silo.dll measures another build of the silo (e.g. main's, for a before/after);
# SILO_ENV="NAME=value ..." sets environment variables for the silo alone (e.g. runtime knobs to compare).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-2000}"
command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null; }
for project in tests/OllamaSimulator silo tests/OllamaOrleans.Benchmarks; do dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null; done
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
sim=31434; control=31400; silo=31619; nginx_port=31480
dotnet tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll --hosts 1 --port $sim --control-port $control \
  --load-ms 0 --tokens-per-second 100000 --num-parallel 256 --response-tokens 20000 >"$work/sim.log" 2>&1 & pids+=($!)
# Resources off: with no process named ollama on this machine, the collector would scan every
# process's fd links each interval, CPU that nginx does not spend (a profile showed a tenth of the silo's).
OLLAMA_URL=http://127.0.0.1:$sim EXPORTER_PORT=$silo Monitor__Probes__Mode=Off Resources__Enabled=false Orleans__SiloPort=31111 Orleans__GatewayPort=31000 \
  env ${SILO_ENV:-} dotnet "${SILO_DLL:-silo/bin/Release/net10.0/OllamaOrleans.Silo.dll}" >"$work/silo.log" 2>&1 & silo_pid=$!; pids+=($silo_pid)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off; client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  upstream ollama { server 127.0.0.1:$sim; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://ollama; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host 127.0.0.1:$sim;
                 proxy_buffering off; proxy_request_buffering off; } }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$silo/ready" >/dev/null && break; sleep 0.2; done
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$silo/h/127.0.0.1:$sim/api/version" >/dev/null && break; sleep 0.2; done
dotnet tests/OllamaOrleans.Benchmarks/bin/Release/net10.0/OllamaOrleans.Benchmarks.dll gateway \
  --direct "http://127.0.0.1:$sim" --gateway "http://127.0.0.1:$silo/h/127.0.0.1:$sim" --nginx "http://127.0.0.1:$nginx_port" \
  --silo-pid "$silo_pid" --rounds "$rounds"
