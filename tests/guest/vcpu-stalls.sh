#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# How long the emulator leaves a busy vCPU unrun, in guest time: a diagnostic for the clock
# choice of tools/stress, not a test (README, "Known issues", arm_scpi tx timeouts).
#
#   tests/guest/vcpu-stalls.sh [SECONDS] [QEMU-RUN-ARGS...]        (on the host)
#       e.g. tests/guest/vcpu-stalls.sh 20 --smp 4 --icount
#
# Every CPU runs a shell loop, pinned with taskset, for SECONDS of guest time (default 20),
# and nothing else runs. Each tick is an hrtimer_expire_entry event, so lib.sh's
# trace_silences tells, per CPU, how long it went unrun while busy: silences over 10 and over
# 20 ms (arm_scpi's tx_tout), and the longest. Uses only trace events (sched, timer), which
# Debian's stock kernels have.
#
# Last line: "vcpu-stalls: longest N.N ms, M over 20 ms (CPUS vCPUs, S s)". Exit status 0
# when it measured, 1 when the trace could not be read or a CPU was not kept busy.

if [ ! -e /qemu-run/env ]; then
	# On the host: qemu-run passes no arguments to a script; --env passes them.
	top=$(cd "$(dirname "$0")/../.." && pwd)
	secs=20
	case ${1:-} in [0-9]*) secs=$1; shift ;; esac
	exec "$top/tools/qemu-run" --timeout $((120 + secs * 20)) --env STALL_SECONDS="$secs" \
		"$@" --script "$0"
fi

# busy UNTIL: spin until /proc/uptime (guest time) reaches UNTIL seconds; no fork inside.
if [ "${1:-}" = busy ]; then
	while :; do
		read -r up _ < /proc/uptime
		[ "${up%.*}" -ge "$2" ] && exit 0
	done
fi

. /qemu-run/lib.sh
SECS=${STALL_SECONDS:-20}
T=/sys/kernel/debug/tracing
NCPU=$(grep -c '^processor' /proc/cpuinfo)
TRACE=/tmp/vcpu-stalls.trace

echo 0 > $T/tracing_on &&
	echo 1024 > $T/buffer_size_kb &&
	echo 1 > $T/events/sched/sched_switch/enable &&
	echo 1 > $T/events/timer/hrtimer_expire_entry/enable &&
	echo > $T/trace || { echo "vcpu-stalls: cannot set up the trace"; exit 1; }

read -r up _ < /proc/uptime
until=$((${up%.*} + SECS + 1))
echo 1 > $T/tracing_on
c=0
while [ $c -lt "$NCPU" ]; do
	taskset -c $c sh "$0" busy $until &
	c=$((c + 1))
done
wait
echo 0 > $T/tracing_on
cat $T/trace > $TRACE

# The first second (the loops starting) is left out.
trace_silences $TRACE 1 0 > /tmp/vcpu-stalls.txt
cat /tmp/vcpu-stalls.txt
awk -v ncpu="$NCPU" -v secs="$SECS" '
	{
		# "cpu N: busy S.S s, A silences over 10 ms, B over 20 ms, longest L.L ms"
		n++
		if ($4 < secs / 2) { printf "vcpu-stalls: cpu %s busy for %.1f s only\n", $2 + 0, $4; bad = 1 }
		over20 += $11
		if ($16 > top) top = $16
	}
	END {
		if (n != ncpu) { printf "vcpu-stalls: %d CPUs in the trace, not %d\n", n, ncpu; bad = 1 }
		printf "vcpu-stalls: longest %.1f ms, %d over 20 ms (%d vCPUs, %d s)\n",
			top, over20, ncpu, secs
		exit bad
	}' /tmp/vcpu-stalls.txt
