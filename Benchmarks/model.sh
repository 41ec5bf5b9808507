#!/usr/bin/env bash
# The model benchmark of issue 2: `zonal check` on synthetic plants of 10,000 and 100,000 assets, against Yams
# composing the same file (the reference), in one run. Prints parse, analysis and total time, peak memory, and ratios.
#
#   Benchmarks/model.sh            # both sizes
#   Benchmarks/model.sh 10000      # one size
#
# Targets (issue 2): analysis < 1 s at 100k and growing no more than linearly (100k/10k ≤ 12); YAML total ≤ 1.5 × Yams
# compose; 10k plant < 2 s total; peak memory < 1.5 GiB at 100k; JSON at least as fast as YAML.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
out=bench-out
mkdir -p "$out"
swift build -c release --product zonal >/dev/null
swift build -c release --product zonal-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

declare -A analysis_cpu
printf '%-8s %-5s %9s %9s %9s %9s %9s %10s %8s\n' assets fmt "MB" "parse s" "analys s" "total s" "Yams s" "peak MiB" "vs Yams"
for assets in ${sizes[@]}; do
  zones=$((assets / 100)); conduits=$((assets / 10)); flows=$((assets * 2))
  yaml="$out/plant-$assets.yaml"; json="$out/plant-$assets.json"
  [ -f "$yaml" ] && [ -f "$json" ] || "$bin/zonal-bench" generate --assets "$assets" --zones "$zones" --conduits "$conduits" --flows "$flows" -o "$yaml" --json "$json"
  yams=$("$bin/zonal-bench" compose "$yaml" | awk '{print $2}')
  for file in "$yaml" "$json"; do
    fmt=${file##*.}
    /usr/bin/time -f '%e %M' -o "$out/time.txt" "$bin/zonal" check "$file" --timings --quiet-warnings --format json -o /dev/null 2> "$out/timings.txt" || true
    read -r total kb < <(tail -1 "$out/time.txt")
    parse=$(sed -n 's/.*timings: parse \([0-9.]*\) s, analysis \([0-9.]*\) s, cpu parse \([0-9.]*\) s, cpu analysis \([0-9.]*\) s.*/\1/p' "$out/timings.txt")
    analysis=$(sed -n 's/.*timings: parse \([0-9.]*\) s, analysis \([0-9.]*\) s, cpu parse \([0-9.]*\) s, cpu analysis \([0-9.]*\) s.*/\2/p' "$out/timings.txt")
    cpu=$(sed -n 's/.*cpu analysis \([0-9.]*\) s.*/\1/p' "$out/timings.txt")
    analysis_cpu[$assets]=$cpu
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    ratio=$(awk -v t="$total" -v y="$yams" 'BEGIN { printf "%.2f", t / y }')
    printf '%-8s %-5s %9s %9s %9s %9s %9s %10.0f %8s\n' "$assets" "$fmt" "$mb" "$parse" "$analysis" "$total" "$yams" "$((kb / 1024))" "$ratio"
  done
done
# The ratio compares two short phases (tens of milliseconds at 10k), and on a shared machine a busy moment only ever
# adds time, by up to half again; so the ratio divides the fastest of ROUNDS runs of each JSON plant, the run least
# disturbed, and prints the medians beside it. The runs alternate between the sizes so that both see the same stretch
# of the machine (a run right after the 100k one tends to be slower, which the medians show and the fastest runs avoid).
if [ -n "${analysis_cpu[10000]:-}" ] && [ -n "${analysis_cpu[100000]:-}" ]; then
  rounds=${ROUNDS:-9}
  samples="$out/ratio-samples.txt"
  : > "$samples"
  for _ in $(seq "$rounds"); do
    for assets in 10000 100000; do
      cpu=$("$bin/zonal" check "$out/plant-$assets.json" --timings --quiet-warnings --format json -o /dev/null 2>&1 >/dev/null \
        | sed -n 's/.*cpu analysis \([0-9.]*\) s.*/\1/p' || true)
      echo "$assets $cpu" >> "$samples"
    done
  done
  declare -A fastest median
  for assets in 10000 100000; do
    fastest[$assets]=$(awk -v n="$assets" '$1 == n { print $2 }' "$samples" | sort -g | head -1)
    median[$assets]=$(awk -v n="$assets" '$1 == n { print $2 }' "$samples" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  done
  awk -v a="${fastest[10000]}" -v b="${fastest[100000]}" -v ma="${median[10000]}" -v mb="${median[100000]}" -v n="$rounds" \
    'BEGIN { printf "analysis CPU time 100k/10k: %.1f (fastest of %d alternating runs each: %.3f s / %.3f s; target <= 12); medians %.3f s / %.3f s (%.1f)\n", b / a, n, b, a, mb, ma, mb / ma }'
fi
echo "(total = wall time of the whole command including writing JSON; 'vs Yams' = total / Yams compose of the YAML file)"
