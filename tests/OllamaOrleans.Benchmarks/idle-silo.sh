#!/usr/bin/env bash
# CPU of an idle silo with its embedded defaults (issue 16, "idle silo"): the silo of another checkout
# (BASE, e.g. main's, built) and this one's, side by side in the same window, each with the default
# host localhost:11434 and the node's process collector on; only their own ports differ.
#   tests/OllamaOrleans.Benchmarks/idle-silo.sh BASE_CHECKOUT none|sim|hidden [SECONDS]
# none:   nothing listens on 11434.
# sim:    tests/OllamaSimulator listens on 11434 (not named ollama; found by its listening socket).
# hidden: the simulator listens on 11434, and both silos run in their own PID namespace
#         (unshare --pid --mount-proc, needs root): the listening socket is in /proc/net/tcp but no
#         visible process holds it, as for an Ollama in a container or run by another user.
# After WARM_UP seconds (default 20) each silo's utime+stime is read from /proc/PID/stat at the start
# and end of SECONDS (default 120), with the load average. With strace installed, each silo's
# readlink calls (one per fd link the server search reads) are then counted over STRACE seconds (60).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: $0 BASE_CHECKOUT none|sim|hidden [SECONDS]" >&2; exit 2; }
base="$(realpath "$1")"; case_="$2"; seconds="${3:-120}"; after="$(pwd)"
case "$case_" in none|sim|hidden) ;; *) echo "unknown case: $case_" >&2; exit 2 ;; esac
warm_up="${WARM_UP:-20}"; strace_seconds="${STRACE:-60}"
dll=silo/bin/Release/net10.0/OllamaOrleans.Silo.dll
for dir in "$base" "$after"; do [ -f "$dir/$dll" ] || { echo "not built: $dir/$dll" >&2; exit 2; }; done
[ "$case_" = none ] || dotnet build tests/OllamaSimulator -c Release -nologo -clp:ErrorsOnly >/dev/null
if ss -ltn | grep -q ':11434 '; then echo "something already listens on 11434" >&2; exit 1; fi
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
if [ "$case_" != none ]; then
  dotnet tests/OllamaSimulator/bin/Release/net10.0/OllamaSimulator.dll --port 11434 --control-port 11499 >"$work/sim.log" 2>&1 &
  pids+=($!); sleep 3
fi
launch() { # checkout, exporter port, silo port, gateway port
  local prefix=()
  [ "$case_" = hidden ] && prefix=(unshare --pid --fork --mount-proc)
  (cd "$1" && EXPORTER_PORT="$2" Orleans__SiloPort="$3" Orleans__GatewayPort="$4" exec "${prefix[@]}" dotnet "$dll" >"$work/silo-$2.log" 2>&1) &
  pids+=($!); launched=$!
}
silo_pid() { # the launcher itself, or (hidden) unshare's child
  for _ in $(seq 50); do
    if tr '\0' ' ' <"/proc/$1/cmdline" | grep -q '^dotnet '; then echo "$1"; return; fi
    local child; child="$(pgrep -P "$1" | head -1 || true)"; [ -n "$child" ] && { echo "$child"; return; }; sleep 0.2
  done
  echo "no silo under $1" >&2; exit 1
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
launch "$base" 9202 11122 30011; b="$launched"; launch "$after" 9201 11121 30010; a="$launched"
sleep "$warm_up"; b="$(silo_pid "$b")"; a="$(silo_pid "$a")"; pids+=("$b" "$a")
b0="$(ticks "$b")"; a0="$(ticks "$a")"; load0="$(cut -d' ' -f1-3 /proc/loadavg)"
sleep "$seconds"
b1="$(ticks "$b")"; a1="$(ticks "$a")"; load1="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "case $case_, $seconds s, load average at start [$load0] at end [$load1], $(wc -l </proc/net/tcp) lines in /proc/net/tcp, $(ls /proc | grep -c '^[0-9]') processes"
awk -v hz="$(getconf CLK_TCK)" -v s="$seconds" -v b=$((b1 - b0)) -v a=$((a1 - a0)) \
  'BEGIN { printf "base  %6.2f CPU s = %.2f %% of a core\nthis  %6.2f CPU s = %.2f %% of a core\n", b/hz, 100*b/hz/s, a/hz, 100*a/hz/s }'
grep -h "HostProcessTracker" "$work"/silo-*.log | sed 's/^[^ ]* //' | cut -c1-120 | sort | uniq -c
if command -v strace >/dev/null; then
  for p in "$b" "$a"; do timeout -s INT "$strace_seconds" strace -f -c -e trace=readlink,readlinkat -p "$p" -o "$work/strace-$p" 2>/dev/null & done
  sleep $((strace_seconds + 2))
  calls() { awk '/readlink/ {n += $4} END {print n + 0}' "$work/strace-$1" 2>/dev/null || echo "?"; }
  echo "readlink calls in $strace_seconds s: base $(calls "$b"), this $(calls "$a")"
fi
