#!/usr/bin/env bash
# Runs every test of OllamaOrleans on a fresh machine: installs what the tests need (Debian's
# prometheus for promtool and the server, redis-server, prometheus-alertmanager, docker-compose to
# validate compose.yaml, curl for the native stack, gcc for the fake NVML library, chromium for the
# page tests, kubectl to render the Kubernetes manifests; the npm packages of each tests/*/ folder),
# builds the solution once, runs each test project, and prints one closing line:
#   N passed, N failed[, N skipped]
set -uo pipefail
cd "$(dirname "$0")"
configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"

say() { printf '== %s\n' "$*" >&2; }
finish() { printf '%s passed, %s failed%s\n' "$1" "$2" "$( (( $3 > 0 )) && printf ', %s skipped' "$3")"; }

install_debian_packages() {
  local missing=()
  command -v promtool >/dev/null || missing+=(prometheus)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v amtool >/dev/null || missing+=(prometheus-alertmanager)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v curl >/dev/null || missing+=(curl)
  command -v cc >/dev/null || missing+=(gcc)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v kubectl >/dev/null || missing+=(kubernetes-client)
  (( ${#missing[@]} == 0 )) && return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node_packages() {
  local lock dir
  for lock in tests/*/package-lock.json; do
    [ -f "$lock" ] || continue
    dir="$(dirname "$lock")"
    # npm ci leaves node_modules/.package-lock.json; a lock changed since then installs again
    [ "$dir/node_modules/.package-lock.json" -nt "$lock" ] && continue
    say "installing npm packages for $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null || return 1
  done
}

if ! install_debian_packages; then say "could not install the Debian packages"; finish 0 1 0; exit 1; fi
if ! install_node_packages; then say "could not install the npm packages"; finish 0 1 0; exit 1; fi

say "building ($configuration)"
if ! dotnet build OllamaOrleans.sln -c "$configuration" -nologo -clp:ErrorsOnly; then
  say "build failed"; finish 0 1 0; exit 1
fi

rm -rf "$results"; mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name="$(basename "$project" .csproj)"
  say "testing $name"
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0; found=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  found=$((found + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p="$(get passed)"; f="$(get failed)"; t="$(get total)"; e="$(get executed)"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if (( found == 0 )); then failed=$((failed + 1)); fi
if (( status != 0 && failed == 0 )); then failed=1; fi
finish "$passed" "$failed" "$skipped"
(( failed == 0 ))
