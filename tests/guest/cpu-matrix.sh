# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, on one CPU model (tools/qemu-run --cpu MODEL): every CPU came up, every
# secondary goes off and on again through PSCI, and on cores with SVE and pointer
# authentication Linux uses them (their first use would trap to EL3 unless the firmware
# enabled them; the firmware would then stop the machine, which the runner reports).
. /qemu-run/lib.sh

expect_eq "${CPU}_all_${SMP}_cpus_online" "$(grep -c ^processor /proc/cpuinfo)" "$SMP"
n=1
while [ $n -lt "$SMP" ]; do
	f=/sys/devices/system/cpu/cpu$n/online
	echo 0 > $f
	expect_eq "${CPU}_cpu${n}_off" "$(cat $f) $(fwcall_x0 0xc4000004 $n 0)" "0 0x1"
	echo 1 > $f
	expect_eq "${CPU}_cpu${n}_on_again" "$(cat $f) $(fwcall_x0 0xc4000004 $n 0)" "1 0x0"
	n=$((n + 1))
done
# SMCCC_ARCH_FEATURES for WORKAROUND_1/2/3 as firmware for this core must answer
# (firmware/arch/aarch64/cpu_errata.c), and what Linux makes of it.
case $CPU in
cortex-a57 | cortex-a72) want="0x0 0xfffffffffffffffe 0x0"; v2="Mitigation: Branch predictor hardening*" ;;
cortex-a53) want="0x1 0xfffffffffffffffe 0x1"; v2="Not affected" ;;
max) want="0x1 0xfffffffffffffffe 0xffffffffffffffff"; v2="Mitigation: CSV2*" ;;
esac
got=$(for f in 0x80008000 0x80007fff 0x80003fff; do fwcall_x0 0x80000001 $f; done | tr '\n' ' ')
expect_eq "${CPU}_arch_workaround_1_2_3_features" "${got% }" "$want"
line=$(cat /sys/devices/system/cpu/vulnerabilities/spectre_v2)
case $line in
$v2) pass "${CPU}_linux_spectre_v2_state" ;;
*) fail "${CPU}_linux_spectre_v2_state" "'$line', expected '$v2'" ;;
esac
expect_eq "${CPU}_linux_spec_store_bypass_not_vulnerable" \
	"$(grep -c Vulnerable /sys/devices/system/cpu/vulnerabilities/spec_store_bypass)" 0

if [ "$CPU" = max ]; then
	for feat in sve paca; do
		grep -qw $feat /proc/cpuinfo && pass "${CPU}_linux_uses_$feat" ||
			fail "${CPU}_linux_uses_$feat" "not in /proc/cpuinfo"
	done
	[ -e /proc/sys/abi/sve_default_vector_length ] && pass "${CPU}_sve_vector_length_set" ||
		fail "${CPU}_sve_vector_length_set" "no /proc/sys/abi/sve_default_vector_length"
fi
exit $FAILED
