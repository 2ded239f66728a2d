#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (tools/bench runs it under tools/qemu-run --icount with bench.dtsi):
# every benchmark row, one "BENCH ..." line each, for tests/bench/report.py to parse.
#
#   BENCH env kernel=K firmware=F conduit=C smp=N uname=..
#   BENCH fw ROW THREADS CHANNEL NS COUNT	DIAG_TIMING of a channel before ("fw0") and
#   BENCH fw1 ...				after ("fw1") the row (32-bit, wraps)
#   BENCH row row=ROW threads=T count=N median_ns=.. p99_ns=.. ...
#
# BENCH_COUNT (round trips per row and thread) and BENCH_FIRMWARE (reference or tfa) come
# first in the file from tools/bench.
. /qemu-run/lib.sh

COUNT=${BENCH_COUNT:-10000}
D=/sys/kernel/debug/mboxbench
# docs/abi.md: DIAG_TIMING, and the channel indexes of BOARD_CHANNELS.
DIAG_TIMING=$BOARD_FID_DIAG_TIMING
CHANNELS=$(seq 0 $((BOARD_CHANNEL_COUNT - 1)))

if [ ! -e $D/run ]; then
	echo "BENCH error no $D/run: is tests/bench/bench.dtsi applied and mboxbench loaded?"
	exit 1
fi
# No DVFS requests from a cpufreq governor in the middle of a row (they are SCPI messages).
for p in /sys/devices/system/cpu/cpufreq/policy*; do
	[ -w "$p/scaling_governor" ] && echo performance > "$p/scaling_governor"
done
echo "BENCH env kernel=$KERNEL firmware=${BENCH_FIRMWARE:-reference} conduit=$CONDUIT smp=$SMP" \
	"uname=$(uname -r)"
sed 's/^/BENCH avail /' $D/rows

fw() {	# fw TAG ROW THREADS
	for ch in $CHANNELS; do
		set -- "$@"
		r=$(fwcall $DIAG_TIMING $ch)
		echo "BENCH $1 $2 $3 $ch $(echo "$r" | cut -d' ' -f2) $(echo "$r" | cut -d' ' -f3)"
	done
}

row() {	# row NAME THREADS
	if ! grep -q "^$1 .*\b$2\b" $D/rows; then
		echo "BENCH skip $1 $2"
		return
	fi
	fw fw0 "$1" "$2"
	if echo "$1 $COUNT $2" > $D/run; then
		echo "BENCH row $(cat $D/run)"
	else
		echo "BENCH error $1 $2: write failed"
	fi
	fw fw1 "$1" "$2"
}

# Latency: one thread, on CPU 0.
for r in sample_cost bare_smc ctrl_send_data mbox_ack mbox_reg mbox_block scpi_sensor \
	 scmi_smc scmi_mbox; do
	row $r 1
done
# Throughput: one thread per CPU at once (the one-thread figures are the rows above).
if [ "$SMP" -ge 2 ]; then
	for r in bare_smc mbox_ack mbox_block scpi_sensor scmi_smc scmi_mbox; do
		row $r 2
	done
fi
dmesg | grep -E "mboxbench|arm-smc-mbox|scmi" | sed 's/^\[[^]]*\] */BENCH klog /'
exit 0
