#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: a hostile client (tests/guest/modules/hostile) writes malformed SCMI and
# SCPI frames straight into the board's shared memory and rings the doorbells itself, with
# no Linux driver in between; then one CPU rings while another rewrites the region, then
# random registers. Every answer is checked against docs/abi.md and the protocol servers,
# and DIAG_COUNTERS must move exactly. Afterwards the firmware must serve as before: the same
# frames get the same answers, and Linux's own arm_scpi and arm_scmi still read the model.
#
#   tools/qemu-run --kernel 6.1 --script tests/guest/hostile.sh      (HOSTILE_RINGS=50000)
#
# SCMI frames go to scmi-smc ($BOARD_FID_SCMI_SMC), which no Linux driver uses. SCPI frames go to both
# SCPI channels while arm_scpi is idle: cpufreq on the userspace governor, nothing reading
# the sensors or clocks until the end.
. /qemu-run/lib.sh
. /qemu-run/model.env

H=/sys/kernel/debug/hostile
CLK=/sys/kernel/debug/clk/clk_summary
CPUFREQ=/sys/devices/system/cpu/cpufreq/policy0
RINGS=${HOSTILE_RINGS:-50000}

# hostile PREFIX COMMAND...: one run of the module; its "ok NAME" / "FAIL NAME: why" lines
# become PASS/FAIL lines named PREFIX_NAME, its figures "   (...)" lines.
hostile() {
	prefix=$1
	shift
	echo "$*" > $H/run 2> /tmp/hostile.err
	rc=$?
	while read -r verdict rest; do
		name=$(echo "${rest%%:*}" | tr '-' '_')
		case $verdict in
		ok) pass "${prefix}_$name" ;;
		FAIL) fail "${prefix}_$name" "${rest#*: }" ;;
		figure:) echo "   ($rest)" ;;
		esac
	done < $H/result
	if [ $rc -ne 0 ] && ! grep -q '^FAIL ' $H/result; then
		fail "${prefix}_$1" "'$*' failed: $(cat /tmp/hostile.err)"
	fi
}

# rate NAME: the rate clk_summary shows for a clock (SCMI clocks: read from the firmware).
rate() { awk -v n="$1" '$1 == n { print $5 }' $CLK; }

if [ ! -d $H ]; then
	fail hostile_module_loaded "no $H (module not built or not loaded)"
	exit 1
fi
if [ "$SMP" -lt 2 ]; then
	fail hostile_needs_two_cpus "SMP=$SMP"
	exit 1
fi
# arm_scpi idle: no DVFS requests from a governor while the SCPI regions are scribbled on.
echo userspace > $CPUFREQ/scaling_governor ||
	fail hostile_cpufreq_userspace "cannot set the userspace governor"
hw=
for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] && hw=$h
done
set -- $(counters $CHANNEL_scmi_a2p)
a2p_errors=$2 a2p_malformed=$3

# ---- (a) malformed frames, one class at a time ----
hostile hostile frames scmi
hostile hostile frames scpi

# ---- (b) one CPU rings, the other rewrites the region ----
for c in scmi-smc scpi-low scpi-high; do
	hostile hostile hammer "$c" "$RINGS" bad 1
	hostile hostile hammer "$c" "$RINGS" mixed 2
done

# ---- (c) random register arguments ----
hostile hostile regs 2000 3

# ---- afterwards: the firmware answers exactly as before ----
hostile after_hammer frames scmi
hostile after_hammer frames scpi
expect_eq after_hammer_smccc_version "$(fwcall_x0 0x80000000)" "$(boot_smccc_version)"
expect_eq after_hammer_channel_count "$(fwcall_x0 $BOARD_FID_DIAG_CHANNEL_COUNT)" \
	"$(printf 0x%x $BOARD_CHANNEL_COUNT)"

# ---- and Linux's own drivers still work over the same firmware ----
for i in 0 1 2 3; do
	eval "name=\$CLK_${i}_NAME init=\$CLK_${i}_INIT"
	expect_eq "after_hammer_scmi_clock_${name}_rate" "$(rate "$name")" "$init"
	expect_eq "after_hammer_scpi_clock_${name}_rate" "$(rate "scpi-$name")" "$init"
done
if [ -n "$hw" ]; then
	t0=$(cat $hw/temp1_input)
	t1=$(cat $hw/temp2_input)
	if [ "$t0" -ge $TEMP_0_MIN ] && [ "$t0" -le $TEMP_0_MAX ] &&
	   [ "$t1" -ge $TEMP_1_MIN ] && [ "$t1" -le $TEMP_1_MAX ]; then
		pass after_hammer_scpi_hwmon_temperatures_in_model_range
	else
		fail after_hammer_scpi_hwmon_temperatures_in_model_range "$t0 $t1"
	fi
	p=$(cat $hw/power1_input)
	[ "$p" -gt 0 ] && pass after_hammer_scpi_hwmon_power_reads ||
		fail after_hammer_scpi_hwmon_power_reads "power1_input '$p'"
else
	fail after_hammer_scpi_hwmon_present "no hwmon device named scpi_sensors"
fi
# Linux's SCMI channel: the clock reads above were served without errors, and nothing the
# hostile client did on the other channels reached it.
set -- $(counters $CHANNEL_scmi_a2p)
expect_eq scmi_a2p_untouched_by_the_hostile_client "$2 $3" "$a2p_errors $a2p_malformed"
# The hostile client bypassed the mailbox driver: it must have nothing to report.
logged=$(dmesg | grep -c 'arm-smc-mbox.*returned')
expect_eq mailbox_driver_saw_no_error "$logged" 0
exit $FAILED
