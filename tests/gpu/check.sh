#!/usr/bin/env bash
# Checks the collector's NVML binding on a machine with an NVIDIA GPU: builds tests/gpu/GpuCheck (the
# silo's GPU source files compiled alone, no packages, so it builds offline with the .NET 10 SDK),
# reads every GPU once through it, reads the same figures from nvidia-smi, and prints both and the
# differences. Exit 0: they agree within tolerance; 1: a mismatch; 2: it cannot run here.
#
#   tests/gpu/check.sh              build, then compare with nvidia-smi (about a minute, mostly the build)
#   tests/gpu/check.sh --no-build   use tests/gpu/GpuCheck/bin/Release/net10.0 as built elsewhere (needs the .NET 10 runtime)
#   tests/gpu/check.sh --fake       self-test without a GPU: fake_nvml.c (built with cc) and a stub nvidia-smi
#
# Tolerances (the two tools read a moment apart): identity (count, index, UUID, name, driver) and
# memory.total exact to 1 MiB; memory.used within 64 MiB or 2 %; utilization within 25 points;
# temperature within 3 °C; power within 20 W or 15 %; each compute process's memory within 2 MiB.
set -uo pipefail
cd "$(dirname "$0")/../.."

build=1; fake=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --fake) fake=1 ;;
    *) echo "usage: $0 [--no-build] [--fake]" >&2; exit 2 ;;
  esac
done

smi="${NVIDIA_SMI:-nvidia-smi}"
nvml_args=()
if (( fake )); then
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  cc -shared -fPIC -O2 -o "$work/libnvidia-ml.so.1" tests/gpu/fake-nvml/fake_nvml.c || { echo "cannot build the fake NVML (needs cc)"; exit 2; }
  smi="tests/gpu/fake-nvml/nvidia-smi"
  nvml_args=(--nvml "$work/libnvidia-ml.so.1")
fi
command -v "$smi" >/dev/null || { echo "nvidia-smi not found: this check needs an NVIDIA GPU and its driver"; exit 2; }

out="tests/gpu/GpuCheck/bin/Release/net10.0"
if (( build )); then
  dotnet build tests/gpu/GpuCheck -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "build failed"; exit 2; }
fi
[ -f "$out/GpuCheck.dll" ] || { echo "$out/GpuCheck.dll is missing; build it first"; exit 2; }

ours="$(dotnet "$out/GpuCheck.dll" "${nvml_args[@]}")"; ours_rc=$?
smi_gpus="$("$smi" --query-gpu=index,uuid,name,driver_version,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw --format=csv,noheader,nounits)" || { echo "nvidia-smi --query-gpu failed"; exit 2; }
smi_apps="$("$smi" --query-compute-apps=gpu_uuid,pid,used_memory --format=csv,noheader,nounits)" || { echo "nvidia-smi --query-compute-apps failed"; exit 2; }

echo "== collector (NVML through the C# binding), exit $ours_rc"; echo "$ours"
echo "== nvidia-smi --query-gpu"; echo "$smi_gpus"
echo "== nvidia-smi --query-compute-apps"; echo "${smi_apps:-(no compute processes)}"
echo "== differences"

awk -F', *' -v OURS="$ours" -v APPS="$smi_apps" '
  function abs(x) { return x < 0 ? -x : x }
  function num(x) { return x ~ /^-?[0-9.]+$/ }
  function bad(what) { printf "MISMATCH %s\n", what; failed++ }
  function within(what, a, b, tol) {
    if (!num(a) || !num(b)) { if (num(a) != num(b)) bad(sprintf("%s: collector \"%s\", nvidia-smi \"%s\"", what, a, b)); return }
    d = a - b; printf "%-44s collector %12s  nvidia-smi %12s  diff %10.3f  (tolerance %g)\n", what, a, b, d, tol
    if (abs(d) > tol) bad(what)
  }
  BEGIN {
    n = split(OURS, lines, "\n")
    for (i = 1; i <= n; i++) {
      split(lines[i], f, ",")
      if (f[1] == "gpu" && f[3] == "nvidia") { g = f[2]; ours_gpus++; uuid[g] = f[4]; name[g] = f[5]; drv[g] = f[6]; util[g] = f[7]; used[g] = f[8]; total[g] = f[9]; temp[g] = f[10]; power[g] = f[11]; energy[g] = f[12]; problem[g] = f[13]; gpu_of[f[4]] = g }
      if (f[1] == "process" && f[2] != "gpu_index") { pmem[f[2] "/" f[3]] = f[4]; pseen[f[2] "/" f[3]] = 1 }
    }
  }
  {
    g = $1; smi_gpus++
    if (!(g in uuid)) { bad("GPU " g " (" $2 "): nvidia-smi lists it, the collector does not"); next }
    if (uuid[g] != $2) bad("GPU " g " UUID: collector " uuid[g] ", nvidia-smi " $2)
    if (name[g] != $3) bad("GPU " g " name: collector \"" name[g] "\", nvidia-smi \"" $3 "\"")
    if (drv[g] != $4) bad("GPU " g " driver: collector " drv[g] ", nvidia-smi " $4)
    if (problem[g] != "") bad("GPU " g ": the collector reported a problem: " problem[g])
    within("GPU " g " utilization (%)", util[g], $5, 25)
    within("GPU " g " memory used (MiB)", used[g], $6, ($6 * 0.02 > 64 ? $6 * 0.02 : 64))
    within("GPU " g " memory total (MiB)", total[g], $7, 1)
    within("GPU " g " temperature (C)", temp[g], $8, 3)
    if (num($9)) within("GPU " g " power (W)", power[g], $9, ($9 * 0.15 > 20 ? $9 * 0.15 : 20))
    else if (power[g] != "") printf "%-44s collector %12s  nvidia-smi %12s  (not compared)\n", "GPU " g " power (W)", power[g], $9
    if (energy[g] == "") printf "note: GPU %s: no energy counter (nvmlDeviceGetTotalEnergyConsumption not supported)\n", g
  }
  END {
    if (ours_gpus != smi_gpus) bad(sprintf("GPU count: collector %d, nvidia-smi %d", ours_gpus, smi_gpus))
    m = split(APPS, apps, "\n"); compared = 0
    for (i = 1; i <= m; i++) {
      if (apps[i] == "") continue
      split(apps[i], a, ", *"); key = gpu_of[a[1]] "/" a[2]
      if (!(key in pseen)) { bad("process " a[2] " on " a[1] ": nvidia-smi lists it, the collector does not"); continue }
      within("process " a[2] " GPU memory (MiB)", pmem[key], a[3], 2); compared++
    }
    if (compared == 0) print "note: no compute process on any GPU, so per-process memory was not compared (run a model in Ollama to include it)"
    if (failed) { printf "%d mismatch(es)\n", failed; exit 1 }
    print "collector and nvidia-smi agree"
  }' <<< "$smi_gpus"
