#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# How long the emulator leaves a busy vCPU unrun, in guest time: a diagnostic for the clock
# choice of tools/stress, not a test (README, "Known issues", arm_scpi tx timeouts).
#
#   tests/guest/vcpu-stalls.sh [SECONDS] [QEMU-RUN-ARGS...]        (on the host)
#       e.g. tests/guest/vcpu-stalls.sh 20 --smp 4 --icount
#
# Every CPU runs a shell loop, pinned with taskset, for SECONDS of guest time (default 20),
# and nothing else runs. A CPU that runs a task takes its scheduler tick every 4 ms (HZ=250;
# the tick stops only in idle), and each tick is an hrtimer_expire_entry event: so while a
# CPU is busy (its last sched_switch was not to the idle task), a silence of more than one
# tick period in its trace is guest time during which that vCPU did not run. Reported per
# CPU: silences over 10 and over 20 ms (arm_scpi's tx_tout), and the longest. Uses only
# trace events (sched, timer), which Debian's stock kernels have.
#
# Last line: "vcpu-stalls: longest N.N ms, M over 20 ms (CPUS vCPUs, S s)". Exit status 0
# when it measured, 1 when the trace could not be read or a CPU was not kept busy.

if [ ! -e /qemu-run/env ]; then
	# On the host: qemu-run passes no arguments to a script, so bake them into a copy.
	top=$(cd "$(dirname "$0")/../.." && pwd)
	secs=20
	case ${1:-} in [0-9]*) secs=$1; shift ;; esac
	tmp=$(mktemp)
	trap 'rm -f "$tmp"' EXIT
	{
		echo "STALL_SECONDS=$secs"
		cat "$0"
	} > "$tmp"
	"$top/tools/qemu-run" --timeout $((120 + secs * 20)) "$@" --script "$tmp"
	exit
fi

# busy UNTIL: spin until /proc/uptime (guest time) reaches UNTIL seconds; no fork inside.
if [ "${1:-}" = busy ]; then
	while :; do
		read -r up _ < /proc/uptime
		[ "${up%.*}" -ge "$2" ] && exit 0
	done
fi

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

# Lines: "TASK-PID [CPU] FLAGS TIME: EVENT: ...". A CPU's silence counts from its previous
# event when that left it busy; the first second (loops starting) is left out.
awk -v ncpu="$NCPU" -v secs="$SECS" '
	/^#/ { next }
	{
		t = -1
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^\[[0-9]+\]$/) c = substr($i, 2, length($i) - 2) + 0
			if ($i ~ /^[0-9]+\.[0-9]+:$/) { t = substr($i, 1, length($i) - 1) + 0; break }
		}
		if (t < 0) next
		if (start == "") start = t
		if (t > start + 1 && (c in last) && !idle[c]) {
			g = t - last[c]
			busy[c] += g
			if (g > 0.010) n10[c]++
			if (g > 0.020) n20[c]++
			if (g > mx[c]) mx[c] = g
		}
		last[c] = t
		if ($0 ~ /sched_switch:/) idle[c] = ($0 ~ /next_pid=0 /)
		seen++
	}
	END {
		if (seen == 0) { print "vcpu-stalls: empty trace"; exit 1 }
		for (c = 0; c < ncpu; c++) {
			# Each CPU must have been busy for most of the run, or nothing was measured.
			if (busy[c] < secs / 2) {
				printf "vcpu-stalls: cpu %d busy for %.1f s only\n", c, busy[c]
				bad = 1
			}
			printf "cpu %d: %d silences over 10 ms, %d over 20 ms, longest %.1f ms\n",
				c, n10[c], n20[c], mx[c] * 1000
			all20 += n20[c]
			if (mx[c] > top) top = mx[c]
		}
		printf "vcpu-stalls: longest %.1f ms, %d over 20 ms (%d vCPUs, %d s)\n",
			top * 1000, all20, ncpu, secs
		exit bad
	}' $TRACE
