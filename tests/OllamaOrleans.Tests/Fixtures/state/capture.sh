#!/usr/bin/env bash
# How the blobs beside this script were captured: the silo of an earlier build (SILO_DLL, e.g. main's
# before LastPollAt was added) writes its state to a scratch redis-server for one simulated host with
# a loaded model; then each state's `data` field is saved as it is in Redis.
#   SILO_DLL=/path/to/old/OllamaOrleans.Silo.dll tests/OllamaOrleans.Tests/Fixtures/state/capture.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)" root="$(cd "$here/../../../.." && pwd)"
work="$(mktemp -d)" pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
redis-server --port 26379 --bind 127.0.0.1 --dir "$work" --save "" >/dev/null 2>&1 & pids+=($!)
dotnet "$root/tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll" --hosts 1 --port 26434 --control-port 26400 >/dev/null 2>&1 & pids+=($!)
until curl -fs -o /dev/null http://127.0.0.1:26400/_sim/hosts; do sleep 0.5; done
curl -fs http://127.0.0.1:26434/api/generate -d '{"model":"llama3.2","prompt":"","stream":false,"keep_alive":-1}' >/dev/null
REDIS_CONNECTION=127.0.0.1:26379 Orleans__ServiceId=capture Orleans__ClusterId=capture Orleans__AdvertisedAddress=127.0.0.1 \
  OLLAMA_URL=http://127.0.0.1:26434 COLLECT_INTERVAL=1 Monitor__Probes__Interval=00:00:01 EXPORTER_PORT=26619 \
  Orleans__SiloPort=26111 Orleans__GatewayPort=26300 Resources__Enabled=false dotnet "$SILO_DLL" >"$work/silo.log" 2>&1 & pids+=($!)
until curl -fs -o /dev/null http://127.0.0.1:26619/ready; do sleep 0.5; done
sleep 12
# The fleet, the host and its loaded model: <grain type>-state.json.
for key in capture/state/fleet/fleet/fleet capture/state/ollamahost/127.0.0.1:26434/host \
    capture/state/ollamamodel/127.0.0.1:26434/llama3.2:latest/model; do
  type="$(cut -d/ -f3 <<<"$key")"
  redis-cli -p 26379 HGET "$key" data >"$here/$type-state.json"
  echo "$type-state.json: $(wc -c <"$here/$type-state.json") bytes from $key"
done
