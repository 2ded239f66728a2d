# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: Linux's own SCPI and SCMI drivers, over the SMC mailbox, report what the
# firmware's model defines (model.env is generated from firmware/protocols/model/model_def.h).
. /qemu-run/lib.sh
. /qemu-run/model.env

CLK=/sys/kernel/debug/clk/clk_summary
CPUFREQ=/sys/devices/system/cpu/cpufreq/policy0

# rate NAME: the rate clk_summary shows for a clock.
rate() { awk -v n="$1" '$1 == n { print $5 }' $CLK; }

# opp DOMAIN INDEX: "hz mv" of an operating point.
opp() {
	eval "list=\$DVFS_$1_OPPS"
	i=0
	for p in $list; do
		[ $i -eq "$2" ] && { echo "${p%%:*} ${p##*:}"; return; }
		i=$((i + 1))
	done
}

# power_uw HZ0 MV0 HZ1 MV1: what the model's power sensor must read (gpu on, vpu off).
power_uw() {
	echo $((STATIC_POWER_UW + DVFS_0_CEFF_PF * $2 * $2 * $1 / 1000000000000 +
		DVFS_1_CEFF_PF * $4 * $4 * $3 / 1000000000000 + PD_0_UW))
}

# ---- the controllers ----
n=$(ls -d /sys/bus/platform/drivers/arm-smc-mbox/firmware:* 2>/dev/null | wc -l)
expect_eq smc_mailbox_controllers_bound "$n" 2

# ---- SCMI: base discovery, clocks, power domains ----
line=$(dmesg | grep "SCMI Protocol v")
case $line in
*"SCMI Protocol v2.0 'ArmSMCMbox:QEMU-virt' Firmware version 0x10000"*) pass scmi_base_discovery ;;
*) fail scmi_base_discovery "dmesg: '$line'" ;;
esac
for i in 0 1 2 3; do
	eval "name=\$CLK_${i}_NAME init=\$CLK_${i}_INIT"
	expect_eq "scmi_clock_${name}_rate" "$(rate "$name")" "$init"
	expect_eq "scpi_clock_${name}_rate" "$(rate "scpi-$name")" "$init"
done
gpd=/sys/kernel/debug/pm_genpd/pm_genpd_summary
expect_eq scmi_power_domain_gpu_on "$(awk -v n="$PD_0_NAME" '$1 == n { print $2 }' $gpd)" on
expect_eq scmi_power_domain_vpu_off "$(awk -v n="$PD_1_NAME" '$1 == n { print $2 }' $gpd | cut -d- -f1)" off

# ---- SCPI: sensors ----
hw=
for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] && hw=$h
done
if [ -z "$hw" ]; then
	fail scpi_hwmon_present "no hwmon device named scpi_sensors"
else
	pass scpi_hwmon_present
	set -- $(opp 1 $DVFS_1_INIT_OPP)
	expect_eq scpi_vdd_big_is_the_big_domain_voltage "$(cat $hw/in0_input)" "$2"
	t0=$(cat $hw/temp1_input)
	t1=$(cat $hw/temp2_input)
	if [ "$t0" -ge $TEMP_0_MIN ] && [ "$t0" -le $TEMP_0_MAX ] &&
	   [ "$t1" -ge $TEMP_1_MIN ] && [ "$t1" -le $TEMP_1_MAX ]; then
		pass scpi_temperatures_within_model_range
	else
		fail scpi_temperatures_within_model_range "$t0 $t1"
	fi
	# The triangle wave moves (max - min) / (period / 2) per second: 2 C/s for soc_temp.
	# The bound uses the time that really passed between the two reads (the guest's clock,
	# which follows the firmware's counter): on a loaded host, or a debug kernel, "sleep 1"
	# can take two seconds or more.
	ns0=$(now_ns)
	t0=$(cat $hw/temp1_input)
	sleep 1
	t0b=$(cat $hw/temp1_input)
	ms=$((($(now_ns) - ns0) / 1000000))
	slope=$(((TEMP_0_MAX - TEMP_0_MIN) * 2000 / TEMP_0_PERIOD_MS))
	d=$((t0b - t0))
	[ $d -lt 0 ] && d=$((-d))
	if [ $d -gt 0 ] && [ $d -le $((slope * ms * 3 / 2000 + 500)) ]; then
		pass scpi_temperature_moves_as_the_model_says
	else
		fail scpi_temperature_moves_as_the_model_says "$t0 -> $t0b in $ms ms, slope $slope/s"
	fi
	e0=$(cat $hw/energy1_input)
	sleep 1
	e1=$(cat $hw/energy1_input)
	[ "$e1" -gt "$e0" ] && pass scpi_energy_counter_grows || fail scpi_energy_counter_grows "$e0 -> $e1"
fi

# ---- SCPI DVFS through cpufreq ----
want=""
for p in $DVFS_0_OPPS; do want="$want $((${p%%:*} / 1000))"; done
expect_eq scpi_cpufreq_frequencies_are_the_model_opps \
	"$(echo $(cat $CPUFREQ/scaling_available_frequencies))" "$(echo $want)"
if echo userspace > $CPUFREQ/scaling_governor 2>/dev/null; then
	set -- $(opp 0 1)
	echo $(($1 / 1000)) > $CPUFREQ/scaling_setspeed
	expect_eq cpufreq_userspace_sets_opp1 "$(cat $CPUFREQ/scaling_cur_freq)" $(($1 / 1000))
	set -- $(opp 0 1) $(opp 1 $DVFS_1_INIT_OPP)
	# The firmware's power sensor follows the OPP it was told: proof the change arrived.
	[ -n "$hw" ] && expect_eq firmware_power_follows_the_new_opp \
		"$(cat $hw/power1_input)" "$(power_uw $1 $2 $3 $4)"
else
	fail cpufreq_userspace_sets_opp1 "no userspace governor"
fi

# ---- SCMI reset domain: the reset API -> reset-scmi -> the firmware model's reset lines ----
# tests/guest/modules/resetclient drives the board's scmi-reset-client; DIAG_RESET_LINE
# (test image only) reads back what the firmware's model made of each request.
RC=/sys/kernel/debug/resetclient/scmi-reset-client
reset_line() {		# ID -> "asserted autonomous-resets" as the firmware's model has them
	set -- $(fwcall $BOARD_FID_DIAG_RESET_LINE "$1")
	[ "$(w0 "$1")" -eq 0 ] && echo "$(($2)) $(($3))" || echo "x0=$(w0 "$1")"
}
if [ -d $RC ]; then
	pass scmi_reset_client_bound
	i=0
	while eval "rst=\${RESET_${i}_NAME:-} asserted=\${RESET_${i}_ASSERTED:-}"; [ -n "$rst" ]; do
		expect_eq "scmi_reset_${rst}_starts_as_the_model_says" "$(reset_line $i)" "$asserted 0"
		check "scmi_reset_${rst}_assert" sh -c "echo assert > $RC/$rst"
		expect_eq "scmi_reset_${rst}_asserted_in_firmware" "$(reset_line $i)" "1 0"
		check "scmi_reset_${rst}_deassert" sh -c "echo deassert > $RC/$rst"
		expect_eq "scmi_reset_${rst}_deasserted_in_firmware" "$(reset_line $i)" "0 0"
		check "scmi_reset_${rst}_reset" sh -c "echo reset > $RC/$rst"
		check "scmi_reset_${rst}_reset_again" sh -c "echo reset > $RC/$rst"
		expect_eq "scmi_reset_${rst}_two_autonomous_resets_in_firmware" "$(reset_line $i)" "0 2"
		expect_eq "scmi_reset_${rst}_last_result" "$(cat $RC/$rst)" "reset 0"
		i=$((i + 1))
	done
	expect_eq scmi_reset_every_line_has_a_file "$(ls $RC | wc -l)" "$i"
	expect_eq scmi_reset_diag_refuses_a_line_past_the_model "$(reset_line $i)" "x0=-2"
else
	fail scmi_reset_client_bound "no $RC: $(dmesg | grep -i 'reset' | tail -n 3 | tr '\n' ' ')"
fi

# ---- one doorbell per message ----
if [ -n "$hw" ]; then
	set -- $(counters $CHANNEL_scpi_low)
	lo=$1
	set -- $(counters $CHANNEL_scpi_high)
	before=$((lo + $1))
	for i in 1 2 3 4 5 6 7 8 9 10; do cat $hw/temp1_input > /dev/null; done
	set -- $(counters $CHANNEL_scpi_low)
	lo=$1
	set -- $(counters $CHANNEL_scpi_high)
	expect_eq scpi_ten_reads_ring_ten_doorbells $((lo + $1 - before)) 10
fi
for c in scpi_low scpi_high scmi_a2p; do
	eval "idx=\$CHANNEL_$c"
	set -- $(counters $idx)
	[ "$1" -gt 0 ] && [ "$2" -eq 0 ] && [ "$3" -eq 0 ] && pass "${c}_served_without_errors" ||
		fail "${c}_served_without_errors" "served $1 errors $2 malformed $3"
done
exit $FAILED
