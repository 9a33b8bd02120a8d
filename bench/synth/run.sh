#!/usr/bin/env bash
# The synth benchmark, one command, from anywhere in the repository:
#
#   bench/synth/run.sh [N]          N repetitions per row (default 5), rows interleaved so drift hits all alike
#
# Rows, all with no source change (bundling skipped by the asset hash), each after one unmeasured warm-up:
#   sample/cli     `cdk synth` of app/ (the README entry: cdk.json runs `dotnet run --project app/...`)
#   sample/run     the same app through `dotnet run` without the CLI (what the CLI spawns)
#   sample/dll     the same app, prebuilt, as `dotnet ServerlessWebApp.App.dll` (app-only: no CLI, no MSBuild check)
#   bucket/*       bench/synth/OneBucket, a C# CDK app with one S3 bucket, in the same three forms
#   node/cli, node/node   bench/synth/node/app.js, the sample's resources on aws-cdk-lib 2.160, under the CLI and plain
# Then the cold synths of the sample in framework-dependent mode (SYNTH_BENCH_COLD=0 skips them, SYNTH_BENCH_COLD_N=3 each):
#   cold/full      CLI synth with no staged asset and no build folder: restore + build + publish of the sample
#   cold/republish CLI synth with no staged asset but the construct's build folder kept (incremental publish)
# And the publish-mode checks (SYNTH_BENCH_MODES=0 skips them; ~3 min with Native AOT).
set -euo pipefail

N=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/bench/synth"
work=$(mktemp -d "${TMPDIR:-/tmp}/swa-synth-bench.XXXXXX")
times="$work/times.tsv"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 CDK_DISABLE_VERSION_CHECK=1
cd "$root"

echo "== preparing (build both C# apps in the configuration \`dotnet run\` uses and the publish-mode harness, npm ci)" >&2
dotnet build app/ServerlessWebApp.App.csproj -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build bench/synth/OneBucket/OneBucket.csproj -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
# The publish-mode harness: it names the construct's build folder for the cold synths and runs the publish-mode checks.
dotnet build bench/synth/PublishModes/PublishModes.csproj -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
(cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) || { cat "$work/npm.log"; exit 1; }
cdk="$bench/node/node_modules/.bin/cdk"
sample_dll="$root/app/bin/Debug/net10.0/ServerlessWebApp.App.dll"
bucket_dll="$root/bench/synth/OneBucket/bin/Debug/net10.0/OneBucket.dll"
publish_modes_dll="$root/bench/synth/PublishModes/bin/Debug/net10.0/PublishModes.dll"

# row name -> command (run from the repository root; $out is the row's own cloud-assembly folder)
declare -A rows=(
  [sample/cli]='"$cdk" synth -q -o "$out"'
  [sample/run]='CDK_OUTDIR="$out" dotnet run --project app/ServerlessWebApp.App.csproj'
  [sample/dll]='CDK_OUTDIR="$out" dotnet "$sample_dll"'
  [bucket/cli]='"$cdk" synth -q -o "$out" --app "dotnet run --project bench/synth/OneBucket/OneBucket.csproj"'
  [bucket/run]='CDK_OUTDIR="$out" dotnet run --project bench/synth/OneBucket/OneBucket.csproj'
  [bucket/dll]='CDK_OUTDIR="$out" dotnet "$bucket_dll"'
  [node/cli]='"$cdk" synth -q -o "$out" --app "node bench/synth/node/app.js"'
  [node/node]='CDK_OUTDIR="$out" node bench/synth/node/app.js'
)
order=(sample/cli sample/run sample/dll bucket/cli bucket/run bucket/dll node/cli node/node)

# run ROW LABEL: runs the row's command once into its folder, appends "label<TAB>seconds" to times.tsv
run() {
  local row=$1 label=$2 out="$work/out/${1//\//-}" log="$work/log/${2//\//-}.log" measured
  mkdir -p "$out" "$work/log"
  # wall, user and system seconds of the whole process tree (the jsii Node child, dotnet/MSBuild, the CLI)
  measured=$( { TIMEFORMAT='%R %U %S'; time eval "${rows[$row]}" >"$log" 2>&1; } 2>&1 ) \
    || { echo "FAILED: $row (see $log)" >&2; cat "$log" >&2; exit 1; }
  if [[ $label != cold/* && $label != warmup/* ]] && grep -q "Bundling asset" "$log"; then echo "FAILED: $label published although nothing changed" >&2; exit 1; fi
  read -r wall user sys <<<"$measured"
  printf '%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" >>"$times"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== warm-up (one unmeasured run per row; the sample's first run may publish)" >&2
for row in "${order[@]}"; do run "$row" "warmup/$row"; done
for i in $(seq "$N"); do
  echo "== repetition $i/$N" >&2
  for row in "${order[@]}"; do run "$row" "$row"; done
done

if [[ ${SYNTH_BENCH_COLD:-1} != 0 ]]; then
  # The construct's own build folder for the sample (PublishCommand.ArtifactsPath), asked of the construct itself.
  build_folder=$(dotnet "$publish_modes_dll" --print-build-folder | tail -n 1)
  [[ -d $build_folder ]] || { echo "FAILED: the construct's build folder $build_folder was not found after the warm-up synth" >&2; exit 1; }
  cold_n=${SYNTH_BENCH_COLD_N:-3}
  for i in $(seq "$cold_n"); do
    echo "== cold synth $i/$cold_n" >&2
    rm -rf "$build_folder" "$work/out/sample-cli"
    run sample/cli cold/full
    rm -rf "$work/out/sample-cli"
    run sample/cli cold/republish
  done
  grep -q "Bundling asset" "$work/log/cold-full.log" || { echo "FAILED: the cold synth did not publish" >&2; exit 1; }
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM;" \
  "dotnet $(dotnet --version), node $(node --version); load average (1/5/15 min) before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$times" "$work/out" <<'EOF'
import collections, json, pathlib, statistics, sys
times, out = sys.argv[1], pathlib.Path(sys.argv[2])
samples, cpus = collections.defaultdict(list), collections.defaultdict(list)
for line in open(times):
    label, wall, cpu = line.split('\t')
    if not label.startswith('warmup/'): samples[label].append(float(wall)); cpus[label].append(float(cpu))
med = {k: statistics.median(v) for k, v in samples.items()}
low = {k: min(v) for k, v in samples.items()}
cpu = {k: statistics.median(v) for k, v in cpus.items()}
print('| row | n | wall median | wall min | wall max | spread (max-min) | CPU median (user+sys) |')
print('|---|---:|---:|---:|---:|---:|---:|')
for k, v in samples.items():
    print(f'| {k} | {len(v)} | {med[k]:.2f} s | {low[k]:.2f} s | {max(v):.2f} s | {max(v)-min(v):.2f} s | {cpu[k]:.2f} s |')
print()
print('| ratio | cli | run | dll / node |')
print('|---|---:|---:|---:|')
for name, m in (('wall medians', med), ('wall minima', low), ('CPU medians', cpu)):
    print(f"| sample / one bucket, {name} (target <= 1.3) | {m['sample/cli']/m['bucket/cli']:.2f} | {m['sample/run']/m['bucket/run']:.2f} | {m['sample/dll']/m['bucket/dll']:.2f} |")
for name, m in (('wall medians', med), ('CPU medians', cpu)):
    print(f"| sample C# / same resources JS, {name} | {m['sample/cli']/m['node/cli']:.2f} | | {m['sample/dll']/m['node/node']:.2f} |")

def counts(folder):
    c = collections.Counter()
    for t in sorted(folder.glob('assembly-*/*.template.json')):
        for r in json.loads(t.read_text())['Resources'].values(): c[(t.parent.name, r['Type'])] += 1
    return c
cs, js = counts(out / 'sample-cli'), counts(out / 'node-cli')
print()
print('| stage | resource type | C# sample | JS mirror |')
print('|---|---|---:|---:|')
for key in sorted(set(cs) | set(js)):
    mark = '' if cs[key] == js[key] else ' **differs**'
    print(f'| {key[0][9:]} | {key[1]} | {cs[key]} | {js[key]}{mark} |')
print(f"\nresources: C# {sum(cs.values())}, JS {sum(js.values())}")
EOF

if [[ ${SYNTH_BENCH_MODES:-1} != 0 ]]; then
  echo "== publish modes (cold publish per mode through the construct's bundling)" >&2
  echo
  dotnet "$publish_modes_dll"
fi
echo "raw timings and logs: $work" >&2
