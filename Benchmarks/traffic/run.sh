#!/usr/bin/env bash
# Traffic benchmark: one command that generates a deterministic OT capture of PACKETS packets (default 5,000,000),
# then walks it with the release `zonal traffic` (full conformance check against a model covering its addresses)
# and with its peers on the same file in the same run, and prints packets/s, MB/s, peak memory and the ratios.
#
#   Benchmarks/traffic/run.sh                 # 5 M packets in /tmp/zonal-traffic-bench
#   PACKETS=1000000 DIR=/var/tmp/b Benchmarks/traffic/run.sh
#   PEERS=reuse Benchmarks/traffic/run.sh     # while iterating on zonal: keep the peers' figures from the last full run
#
# Needs: tshark, capinfos (tshark's package), ndpiReader (libndpi-bin), GNU time (/usr/bin/time).
# Not run by the tests or CI: it takes minutes (tshark alone walks at tens of thousands of packets per second).
set -euo pipefail
cd "$(dirname "$0")/../.."
PACKETS=${PACKETS:-5000000}
DIR=${DIR:-/tmp/zonal-traffic-bench}
PEERS=${PEERS:-run}
mkdir -p "$DIR"
for tool in tshark capinfos ndpiReader /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y tshark libndpi-bin time" >&2; exit 3; }
done

swift build -c release --product zonal >/dev/null
swift build -c release --product zonal-capgen >/dev/null
BIN=$(swift build -c release --show-bin-path)
CAPTURE="$DIR/ot-mix.pcap"
MODEL="$DIR/ot-mix.yaml"
if [ ! -f "$CAPTURE" ] || [ "$(cat "$DIR/packets" 2>/dev/null)" != "$PACKETS" ]; then
    "$BIN/zonal-capgen" mix "$CAPTURE" --packets "$PACKETS"
    echo "$PACKETS" > "$DIR/packets"
fi
"$BIN/zonal-capgen" mix-model "$MODEL"
SIZE=$(stat -c %s "$CAPTURE")
COUNT=$(capinfos -c -M "$CAPTURE" | awk -F: '/Number of packets/ { gsub(/ /, "", $2); print $2 }')
echo "capture: $CAPTURE, $COUNT packets, $((SIZE / 1000000)) MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$CAPTURE" > /dev/null   # warm the page cache so every tool reads from memory

# measure NAME COMMAND...: wall seconds and peak RSS into $DIR/NAME.time; the tool's own output is discarded.
measure() {
    local name=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/$name.time" "$@" > "$DIR/$name.out" 2> "$DIR/$name.err" || {
        status=$?
        # zonal exits 1 when it found violations: that is a result, not a failure.
        if [ "${name%%-*}" != zonal ] || [ "$status" != 1 ]; then echo "$name failed ($status), see $DIR/$name.err" >&2; fi
    }
}

measure cat sh -c "cat '$CAPTURE' > /dev/null"
measure zonal "$BIN/zonal" traffic "$MODEL" "$CAPTURE" --format json -o "$DIR/zonal.json" --timings --no-progress
measure zonal-1core "$BIN/zonal" traffic "$MODEL" "$CAPTURE" --format json -o "$DIR/zonal-1core.json" --threads 1 --no-progress
measure zonal-text "$BIN/zonal" traffic "$MODEL" "$CAPTURE" --format text -o "$DIR/zonal.txt" --no-progress
cmp -s "$DIR/zonal.json" "$DIR/zonal-1core.json" || echo "zonal: the JSON of one thread and of all cores differ" >&2
# The peers' figures only change with the capture: PEERS=reuse keeps those of the last full run (same PACKETS).
if [ "$PEERS" != reuse ] || [ ! -f "$DIR/tshark.time" ] || [ "$(cat "$DIR/peers-packets" 2>/dev/null)" != "$PACKETS" ]; then
    measure capinfos capinfos "$CAPTURE"
    measure ndpiReader ndpiReader -i "$CAPTURE" -v 0 -q
    measure tshark tshark -n -r "$CAPTURE" -T fields -e frame.number -e ip.src -e ip.dst -e tcp.dstport -e modbus.func_code
    echo "$PACKETS" > "$DIR/peers-packets"
else
    echo "(capinfos, ndpiReader and tshark: figures of the last full run, PEERS=reuse)"
fi

echo
printf "%-11s %8s %8s %12s %12s %8s %8s %8s %8s\n" tool wall-s cpu-s packets/s pkts/cpu-s MB/s "peak MB" "wall ×" "cpu ×"
# GNU time writes "Command exited with non-zero status N" first when a tool exits non-zero: the figures are the last line.
read -r zs _ zu zy < <(tail -n 1 "$DIR/zonal.time")
for name in cat capinfos zonal zonal-1core zonal-text ndpiReader tshark; do
    read -r seconds kb user sys < <(tail -n 1 "$DIR/$name.time")
    awk -v n="$name" -v s="$seconds" -v kb="$kb" -v u="$user" -v y="$sys" -v p="$COUNT" -v b="$SIZE" -v z="$zs" -v zc="$(awk -v a="$zu" -v b="$zy" 'BEGIN { print a + b }')" 'BEGIN {
        t = (s > 0 ? s : 0.01); c = u + y; c = (c > 0 ? c : 0.01)
        printf "%-11s %8.2f %8.2f %12.0f %12.0f %8.0f %8.1f %8s %8s\n", n, s, c, p / t, p / c, b / t / 1e6, kb / 1024,
            (n ~ /^zonal/ ? "-" : sprintf("%.2f", t / (z > 0 ? z : 0.01))), (n ~ /^zonal/ ? "-" : sprintf("%.2f", c / (zc > 0 ? zc : 0.01)))
    }'
done
echo
echo "zonal: $(grep timings "$DIR/zonal.err")"
echo "(wall × and cpu × = the tool's wall or CPU time / zonal's (JSON run, all cores): above 1, zonal is faster; zonal-1core"
echo " reads with --threads 1; cat and capinfos are floors for walking the file; cpu-s = user + system seconds, which a busy"
echo " machine inflates less than wall time)"
