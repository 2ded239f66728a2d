#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: the firmware misbehaves on purpose (DIAG_FAULT, docs/abi.md) and Linux
# must report it, recover, and serve the next message.
#
#   tools/qemu-run --kernel 6.1 --script tests/guest/faults.sh
#
# arm_scpi (hwmon reads), each mode with both SCPI channels armed for one doorbell (arm_scpi
# takes the channels in turn, so two reads meet both faults whichever comes first):
#   1 NOT_SUPPORTED  the mailbox driver logs "returned -1", arm_scpi times out (30 ms):
#                    both reads fail with ETIMEDOUT, the third works
#   3 GARBAGE        the driver logs "returned -559038737" (0xdeadbeef), arm_scpi matches no
#                    request to the 0xa5 reply and times out: the same
#   2 LATE (100 ms)  longer than arm_scpi's timeout, and yet both reads succeed: the doorbell
#                    is synchronous and the client's timer starts after the SMC returns
#                    (DIAG_TIMING shows the firmware held each doorbell >= 100 ms)
# arm_scmi (an SCMI clock's rate, read from the firmware each time): mode 2 as above. Modes 1
# and 3 make Linux's SCMI core WARN on purpose: tests/guest/faults-scmi-warns.sh.
#
# Reads go through dd (one read(2)): busybox cat tries sendfile first and falls back to
# read() on an error, which sends a second message and hides a one-off failure.
. /qemu-run/lib.sh
. /qemu-run/model.env

CPUFREQ=/sys/devices/system/cpu/cpufreq/policy0
DIAG_FAULT=$BOARD_FID_DIAG_FAULT
DIAG_TIMING=$BOARD_FID_DIAG_TIMING
SCMI_CLK=$CLK_1_NAME
SCMI_CLK_RATE=$CLK_1_INIT
LATE_US=100000


# read_once FILE: one read(2); sets RV (value or error text), RC and MS (how long it took).
read_once() {
	read_t0=$(now_ns)
	RV=$(dd if="$1" bs=64 count=1 2> /tmp/dd.err)
	RC=$?
	MS=$((($(now_ns) - read_t0) / 1000000))
	if [ $RC -ne 0 ] || [ -z "$RV" ]; then
		RC=1
		RV=$(grep -v 'records\|bytes' /tmp/dd.err | head -1)
	fi
}

# arm CHANNEL MODE COUNT [US]
arm() {
	x0=$(fwcall_x0 $DIAG_FAULT "$@")
	[ "$x0" = 0x0 ] || fail "diag_fault_arms_channel_$1_mode_$2" "x0 $x0"
}

# disarm CHANNEL: prints "left injected" (doorbells still armed, faults injected so far).
disarm() {
	set -- $(fwcall $DIAG_FAULT "$1" $FAULT_NONE 0)
	echo "$(($2)) $(($3))"
}

# DIAG_TIMING: the low 32 bits of the ns the firmware spent serving the channel (subtract
# modulo 2^32).
timing() { set -- $(fwcall $DIAG_TIMING "$1"); echo $(($2)); }
served() { set -- $(counters "$1"); echo "$1"; }
klog_from() { dmesg | sed 's/^\[[^]]*\] //' | tail -n +$(($1 + 1)); }
klog_lines() { dmesg | wc -l; }

in_range() { [ "$1" -ge "$2" ] 2> /dev/null && [ "$1" -le "$3" ]; }

lo=$CHANNEL_scpi_low
hi=$CHANNEL_scpi_high
a2p=$CHANNEL_scmi_a2p

echo userspace > $CPUFREQ/scaling_governor || fail cpufreq_userspace "cannot set it"
hw=
for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] && hw=$h
done
if [ -z "$hw" ]; then
	fail scpi_hwmon_present "no hwmon device named scpi_sensors"
	exit 1
fi
TEMP=$hw/temp1_input

# ---- the switch itself (DIAG_FAULT is SMC32: its status is W0, lib.sh's w0) ----
expect_eq diag_fault_bad_channel_is_invalid "$(w0 $(fwcall_x0 $DIAG_FAULT 99 $FAULT_NOT_SUPPORTED 1))" -2
expect_eq diag_fault_bad_mode_is_invalid "$(w0 $(fwcall_x0 $DIAG_FAULT $lo $((FAULT_GARBAGE + 1)) 1))" -2
expect_eq diag_fault_zero_count_is_invalid "$(w0 $(fwcall_x0 $DIAG_FAULT $lo $FAULT_NOT_SUPPORTED 0))" -2
expect_eq diag_fault_nothing_armed_at_boot "$(disarm $lo) $(disarm $hi) $(disarm $a2p)" \
	"0 0 0 0 0 0"

# ---- arm_scpi: hwmon reads ----
# scpi_mode MODE NAME ERRLINE: both channels armed for one doorbell, three reads.
scpi_mode() {
	mode=$1 name=$2 line=$3
	n0=$(klog_lines)
	s0=$(($(served $lo) + $(served $hi)))
	tl0=$(timing $lo) th0=$(timing $hi)
	set -- $(disarm $lo) $(disarm $hi)
	want="0 $(($2 + 1)) 0 $(($4 + 1))"	# none left, one more injected on each
	arm $lo "$mode" 1 $LATE_US
	arm $hi "$mode" 1 $LATE_US
	read_once $TEMP; a_rc=$RC a_v=$RV a_ms=$MS
	read_once $TEMP; b_rc=$RC b_v=$RV b_ms=$MS
	read_once $TEMP; c_rc=$RC c_v=$RV c_ms=$MS
	left="$(disarm $lo) $(disarm $hi)"
	s1=$(($(served $lo) + $(served $hi)))
	tl=$((($(timing $lo) - tl0) & 0xffffffff)) th=$((($(timing $hi) - th0) & 0xffffffff))
	log=$(klog_from "$n0")
	echo "   (scpi $name: reads '$a_v' ${a_ms} ms, '$b_v' ${b_ms} ms, '$c_v' ${c_ms} ms; firmware time on the channels $((tl / 1000000)) ms and $((th / 1000000)) ms)"
	expect_eq "scpi_${name}_each_channel_faulted_once" "$left" "$want"
	if [ "$mode" = $FAULT_LATE ]; then
		in_range "$a_v" $TEMP_0_MIN $TEMP_0_MAX && in_range "$b_v" $TEMP_0_MIN $TEMP_0_MAX &&
			pass "scpi_${name}_reads_still_succeed" ||
			fail "scpi_${name}_reads_still_succeed" "'$a_v' '$b_v'"
		[ $tl -ge $((LATE_US * 1000)) ] && [ $th -ge $((LATE_US * 1000)) ] &&
			pass "scpi_${name}_firmware_held_each_doorbell_past_the_timeout" ||
			fail "scpi_${name}_firmware_held_each_doorbell_past_the_timeout" \
				"$tl ns and $th ns"
		expect_eq "scpi_${name}_all_three_served" $((s1 - s0)) 3
		expect_eq "scpi_${name}_nothing_logged" \
			"$(echo "$log" | grep -c 'arm-smc-mbox\|scpi')" 0
	else
		case "$a_v/$b_v" in
		*"timed out"*/*"timed out"*) pass "scpi_${name}_both_reads_time_out" ;;
		*) fail "scpi_${name}_both_reads_time_out" "'$a_v' / '$b_v'" ;;
		esac
		expect_eq "scpi_${name}_only_the_third_served" $((s1 - s0)) 1
		for c in 0 1; do
			fid=$BOARD_FID_SCPI_LOW
			[ $c = 1 ] && fid=$BOARD_FID_SCPI_HIGH
			if echo "$log" | grep -q "mailbox-scpi: channel $c: function $fid returned $line\$"; then
				pass "scpi_${name}_driver_logs_channel_${c}"
			else
				fail "scpi_${name}_driver_logs_channel_${c}" "$(echo "$log" | tail -n 3 | tr '\n' '|')"
			fi
		done
	fi
	in_range "$c_v" $TEMP_0_MIN $TEMP_0_MAX && pass "scpi_${name}_next_read_works" ||
		fail "scpi_${name}_next_read_works" "'$c_v' (rc $c_rc)"
}

scpi_mode $FAULT_NOT_SUPPORTED not_supported -1
scpi_mode $FAULT_GARBAGE garbage -559038737
scpi_mode $FAULT_LATE late ""
# and arm_scpi is whole again: every sensor, both channels
bad=
for f in $hw/*_input; do
	read_once "$f"
	[ $RC -eq 0 ] || bad="$bad $(basename $f):$RV"
done
expect_eq scpi_every_sensor_reads_after_the_faults "${bad:-none}" none

# ---- arm_scmi: an SCMI clock's rate, answered late ----
n0=$(klog_lines)
t0=$(timing $a2p)
s0=$(served $a2p)
arm $a2p $FAULT_LATE 1 $LATE_US
read_once /sys/kernel/debug/clk/$SCMI_CLK/clk_rate
expect_eq scmi_late_rate_still_correct "$RV" "$SCMI_CLK_RATE"
t=$((($(timing $a2p) - t0) & 0xffffffff))
echo "   (scmi late: rate '$RV' in $MS ms; firmware time on the channel $((t / 1000000)) ms)"
[ $t -ge $((LATE_US * 1000)) ] && pass scmi_late_firmware_held_the_doorbell_past_the_timeout ||
	fail scmi_late_firmware_held_the_doorbell_past_the_timeout "$t ns"
read_once /sys/kernel/debug/clk/$SCMI_CLK/clk_rate
expect_eq scmi_late_next_read_works "$RV" "$SCMI_CLK_RATE"
set -- $(disarm $a2p)
expect_eq scmi_late_faulted_once "$1" 0
expect_eq scmi_late_both_served "$(($(served $a2p) - s0))" 2
expect_eq scmi_late_nothing_logged "$(klog_from "$n0" | grep -c 'scmi\|arm-smc-mbox')" 0
exit $FAILED
