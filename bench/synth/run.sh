#!/usr/bin/env bash
# Benchmark 4 "Synth" (issue 7), one command, from anywhere in the repository:
#
#   bench/synth/run.sh [N]          N repetitions per row (default 5), rows interleaved so drift hits all alike
#
# Rows, all with no source change (bundling skipped by the asset hash), each after one unmeasured warm-up:
#   sample/cli     `cdk synth` of app/ (the README entry: cdk.json runs `dotnet run --project app/...`)
#   sample/run     the same app through `dotnet run` without the CLI (what the CLI spawns)
#   sample/dll     the same app, prebuilt, as `dotnet ServerlessWebApp.App.dll` (app-only: no CLI, no MSBuild check)
#   bucket/*       bench/synth/OneBucket, a C# CDK app with one S3 bucket, in the same three forms
#   node/cli, node/node   bench/synth/node/app.js, the sample's resources on aws-cdk-lib 2.160, under the CLI and plain
# Then the cold synths of the sample in framework-dependent mode (SYNTH_BENCH_COLD=0 skips them):
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

echo "== preparing (build both C# apps in the configuration \`dotnet run\` uses, npm ci)" >&2
dotnet build app/ServerlessWebApp.App.csproj -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build bench/synth/OneBucket/OneBucket.csproj -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
(cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) || { cat "$work/npm.log"; exit 1; }
cdk="$bench/node/node_modules/.bin/cdk"
sample_dll="$root/app/bin/Debug/net10.0/ServerlessWebApp.App.dll"
bucket_dll="$root/bench/synth/OneBucket/bin/Debug/net10.0/OneBucket.dll"

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
  local row=$1 label=$2 out="$work/out/${1//\//-}" log="$work/log/${2//\//-}.log" start end
  mkdir -p "$out" "$work/log"
  start=$(date +%s.%N)
  if ! eval "${rows[$row]}" >"$log" 2>&1; then echo "FAILED: $row (see $log)" >&2; cat "$log" >&2; exit 1; fi
  end=$(date +%s.%N)
  if [[ $label != cold/* && $label != warmup/* ]] && grep -q "Bundling asset" "$log"; then echo "FAILED: $label published although nothing changed" >&2; exit 1; fi
  printf '%s\t%s\n' "$label" "$(echo "$end - $start" | bc)" >>"$times"
}

echo "== warm-up (one unmeasured run per row; the sample's first run may publish)" >&2
for row in "${order[@]}"; do run "$row" "warmup/$row"; done
for i in $(seq "$N"); do
  echo "== repetition $i/$N" >&2
  for row in "${order[@]}"; do run "$row" "$row"; done
done

if [[ ${SYNTH_BENCH_COLD:-1} != 0 ]]; then
  project="$root/samples/FoundryService/FoundryService.csproj"
  key=$(printf '%s' "$project|FrameworkDependent/linux-arm64" | sha256sum | cut -c1-16)
  build_folder="${TMPDIR:-/tmp}/serverlesswebapp-publish/$key"
  [[ -d $build_folder ]] || { echo "FAILED: the construct's build folder $build_folder was not found (did PublishCommand.ArtifactsPath change?)" >&2; exit 1; }
  for i in $(seq 3); do
    echo "== cold synth $i/3" >&2
    rm -rf "$build_folder" "$work/out/sample-cli"
    run sample/cli cold/full
    rm -rf "$work/out/sample-cli"
    run sample/cli cold/republish
  done
  grep -q "Bundling asset" "$work/log/cold-full.log" || { echo "FAILED: the cold synth did not publish" >&2; exit 1; }
fi

python3 - "$times" "$work/out" <<'EOF'
import collections, json, pathlib, statistics, sys
times, out = sys.argv[1], pathlib.Path(sys.argv[2])
samples = collections.defaultdict(list)
for line in open(times):
    label, seconds = line.split('\t')
    if not label.startswith('warmup/'): samples[label].append(float(seconds))
med = {k: statistics.median(v) for k, v in samples.items()}
print('| row | n | median | min | max | spread (max-min) |')
print('|---|---:|---:|---:|---:|---:|')
for k, v in samples.items():
    print(f'| {k} | {len(v)} | {med[k]:.2f} s | {min(v):.2f} s | {max(v):.2f} s | {max(v)-min(v):.2f} s |')
print()
print('| ratio (medians) | cli | run | dll / node |')
print('|---|---:|---:|---:|')
print(f"| sample / one bucket (target <= 1.3) | {med['sample/cli']/med['bucket/cli']:.2f} | {med['sample/run']/med['bucket/run']:.2f} | {med['sample/dll']/med['bucket/dll']:.2f} |")
print(f"| sample C# / same resources JS | {med['sample/cli']/med['node/cli']:.2f} | | {med['sample/dll']/med['node/node']:.2f} |")
print(f"| sample - one bucket (seconds the construct adds) | {med['sample/cli']-med['bucket/cli']:.2f} | {med['sample/run']-med['bucket/run']:.2f} | {med['sample/dll']-med['bucket/dll']:.2f} |")

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
  dotnet build bench/synth/PublishModes/PublishModes.csproj -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  echo
  dotnet bench/synth/PublishModes/bin/Debug/net10.0/PublishModes.dll
fi
echo "raw timings and logs: $work" >&2
