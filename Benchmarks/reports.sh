#!/usr/bin/env bash
# The report benchmark of issue 3: every document and machine format of `zonal` on synthetic plants, against
# `zonal check --format json` on the same file (the peer: the analysis plus its plainest rendering), in one run.
# Prints wall time, peak memory and the ratio to the peer for each output.
#
#   Benchmarks/reports.sh            # 1,000 and 10,000 assets
#   Benchmarks/reports.sh 10000      # one size
#
# Targets (issue 3): every output within 4 × the peer's time; the HTML report of a 10,000-asset plant under 10 s;
# peak memory under 512 MiB at 10,000 assets.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
out=bench-out
mkdir -p "$out"
swift build -c release --product zonal >/dev/null
swift build -c release --product zonal-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

run() { # label, then the zonal arguments; prints "seconds KiB"
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$bin/zonal" "$@" --quiet-warnings -o "$out/output" 2>/dev/null || true
  tail -1 "$out/time.txt"
}

printf '%-8s %-28s %9s %10s %9s\n' assets output "wall s" "peak MiB" "vs check"
for assets in ${sizes[@]}; do
  zones=$((assets / 100)); conduits=$((assets / 10)); flows=$((assets * 2))
  yaml="$out/plant-$assets.yaml"
  [ -f "$yaml" ] || "$bin/zonal-bench" generate --assets "$assets" --zones "$zones" --conduits "$conduits" --flows "$flows" -o "$yaml" --json "$out/plant-$assets.json"
  read -r peer kb < <(run check "$yaml" --format json)
  printf '%-8s %-28s %9s %10d %9s\n' "$assets" "check --format json (peer)" "$peer" "$((kb / 1024))" "1.00"
  for output in "check --format sarif" "check --format csv" "check --format markdown" "requirements --format csv" \
                "report" "report --format markdown" "crs" "crs --format markdown" "diagram" "diagram --format dot"; do
    extra=(); case $output in report*|crs*) extra=(--date 2026-01-01);; esac
    read -r seconds kb < <(run $output "$yaml" "${extra[@]}")
    ratio=$(awk -v t="$seconds" -v p="$peer" 'BEGIN { printf "%.2f", (p > 0 ? t / p : 0) }')
    printf '%-8s %-28s %9s %10d %9s\n' "$assets" "$output" "$seconds" "$((kb / 1024))" "$ratio"
  done
done
