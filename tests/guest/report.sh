# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, for `make run`: what Linux found through the SMC mailbox, in plain words.
. /qemu-run/lib.sh
. /qemu-run/model.env

echo
echo "== Linux $(uname -r), conduit $CONDUIT, $(grep -c ^processor /proc/cpuinfo) CPUs"
echo
echo "-- SMC mailbox controllers (driver arm-smc-mbox)"
for d in /sys/bus/platform/drivers/arm-smc-mbox/firmware:*; do
	[ -e "$d" ] && echo "   $(basename "$d")"
done
echo
echo "-- Firmware protocols found through them"
dmesg | sed -n 's/.*\(SCMI Protocol v.*\)/   \1/p; s/.*\(SCP Protocol .*\)/   \1/p'
echo
echo "-- Clocks (name, rate in Hz), SCPI ones prefixed scpi-"
awk '$1 ~ /^(scpi-)?(axi_bus|gpu_core|vpu_core|ddr_ctrl|cpu_little|cpu_big)$/ {
	printf "   %-18s %12s\n", $1, $5 }' /sys/kernel/debug/clk/clk_summary
echo
for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] || continue
	echo "-- SCPI sensors ($h)"
	printf "   %-12s %8s m°C\n" "$(cat $h/temp1_label)" "$(cat $h/temp1_input)"
	printf "   %-12s %8s m°C\n" "$(cat $h/temp2_label)" "$(cat $h/temp2_input)"
	printf "   %-12s %8s mV\n" "$(cat $h/in0_label)" "$(cat $h/in0_input)"
	printf "   %-12s %8s uW\n" "$(cat $h/power1_label)" "$(cat $h/power1_input)"
	printf "   %-12s %8s uJ\n" "$(cat $h/energy1_label)" "$(cat $h/energy1_input)"
done
echo
p=/sys/devices/system/cpu/cpufreq/policy0
echo "-- cpufreq on SCPI DVFS: $(cat $p/scaling_driver 2>/dev/null), governor $(cat $p/scaling_governor 2>/dev/null)"
echo "   frequencies (kHz): $(cat $p/scaling_available_frequencies 2>/dev/null)"
echo "   now: $(cat $p/scaling_cur_freq 2>/dev/null) kHz"
echo
echo "-- Power domains (genpd)"
awk 'NR > 3 && NF >= 2 { printf "   %-22s %s\n", $1, $2 }' /sys/kernel/debug/pm_genpd/pm_genpd_summary
echo
echo "-- Messages the firmware served, per doorbell (served / errors / malformed)"
for c in scpi_low scpi_high scmi_a2p; do
	eval "idx=\$CHANNEL_$c"
	set -- $(counters $idx)
	printf "   %-10s %6s %6s %6s\n" "$c" "$1" "$2" "$3"
done
echo
