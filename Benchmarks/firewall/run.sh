#!/usr/bin/env bash
# Firewall benchmark: read a generated nftables JSON ruleset with object groups (named sets) and compute its exact
# zone-to-zone matrix, at 1,000 and 10,000 rules across 200 zones; prints time, peak memory and the growth ratio.
# Target (issue 7): 10,000 rules under 1 s, and growth from 1,000 to 10,000 rules no worse than linear (ratio <= 10).
# Usage: Benchmarks/firewall/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product zonal-firewall-bench >/dev/null
bench=.build/release/zonal-firewall-bench
small=$($bench --rules 1000 --zones 200)
large=$($bench --rules 10000 --zones 200)
echo "$small"
echo "$large"
t1=$(echo "$small" | sed -E 's/.*total ([0-9.]+) s.*/\1/'); c1=$(echo "$small" | sed -E 's/.*cpu ([0-9.]+) s.*/\1/')
t2=$(echo "$large" | sed -E 's/.*total ([0-9.]+) s.*/\1/'); c2=$(echo "$large" | sed -E 's/.*cpu ([0-9.]+) s.*/\1/')
python3 -c "print(f'growth 1,000 -> 10,000 rules: {float($t2)/float($t1):.1f}x wall time, {float($c2)/float($c1):.1f}x CPU time for 10x rules (linear = 10x)')"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (the machine's cores are shared; wall times vary with it)"
