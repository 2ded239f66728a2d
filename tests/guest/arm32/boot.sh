# SPDX-License-Identifier: BSD-3-Clause
# Inside a 32-bit guest (tools/qemu-run --arch arm): the AArch64 firmware entered the kernel
# in AArch32 and serves it as an AArch32 caller, and PSCI turns every CPU off and on again.
#   tools/qemu-run --arch arm --smp 2 --script tests/guest/arm32/boot.sh
. /qemu-run/lib.sh

# An AArch32 caller's registers are 32 bits wide: NOT_SUPPORTED (-1) reads 0xffffffff.
NOT_SUPPORTED=0xffffffff
CPU_ON32=0x84000003 CPU_ON64=0xc4000003 AFFINITY32=0x84000004 AFFINITY64=0xc4000004
PSCI_FEATURES=0x8400000a SMCCC_ARCH_FEATURES=0x80000001

expect_eq kernel_is_32_bit "$(uname -m)" armv7l
expect_eq boots_with_all_cpus "$(grep -c ^processor /proc/cpuinfo)" "$SMP"
# HYP when the CPU model's EL2 implements AArch32 (cortex-a53/a57/a72 do): the firmware's choice.
dmesg | grep -q "CPU: All CPU(s) started in HYP mode" && pass linux_entered_at_hyp ||
	fail linux_entered_at_hyp "$(dmesg | grep 'started in')"
dmesg | grep -q "PSCIv1.1 detected in firmware" && pass psci_1_1_detected ||
	fail psci_1_1_detected "$(dmesg | grep -i psci | head -3)"
expect_eq smccc_version_is_1_1 "$(fwcall_x0 0x80000000)" 0x10001

# SMC32 calls are served; SMC64 ones are not, and FEATURES never offers them (SMCCC 2.5:
# an AArch32 caller cannot make an SMC64 call).
expect_eq smc32_affinity_info_of_cpu0_is_on "$(fwcall_x0 $AFFINITY32 0 0)" 0x0
expect_eq smc64_affinity_info_is_not_supported "$(fwcall_x0 $AFFINITY64 0 0)" $NOT_SUPPORTED
expect_eq psci_features_offers_smc32_cpu_on "$(fwcall_x0 $PSCI_FEATURES $CPU_ON32)" 0x0
expect_eq psci_features_hides_smc64_cpu_on "$(fwcall_x0 $PSCI_FEATURES $CPU_ON64)" $NOT_SUPPORTED
expect_eq arch_features_hides_smc64_cpu_on "$(fwcall_x0 $SMCCC_ARCH_FEATURES $CPU_ON64)" \
	$NOT_SUPPORTED
expect_eq cpu_on_into_secure_ram_is_invalid_address \
	"$(fwcall_x0 $CPU_ON32 1 $PLAT_SEC_RAM_BASE 0)" 0xfffffff7
expect_eq thumb_entry_point_is_invalid_address \
	"$(fwcall_x0 $CPU_ON32 1 $((BOARD_KERNEL_BASE + 1)) 0)" 0xfffffff7

# Every CPU Linux can take down, off and on again: CPU_OFF, then CPU_ON with the AArch32
# entry point Linux gives (secondary_startup), in HYP as at boot.
n=0
while [ $n -lt "$SMP" ]; do
	f=/sys/devices/system/cpu/cpu$n/online
	if [ -e $f ]; then
		echo 0 > $f
		expect_eq "cpu${n}_off" "$(cat $f) $(fwcall_x0 $AFFINITY32 $n 0)" "0 0x1"
		echo 1 > $f
		expect_eq "cpu${n}_on_again" "$(cat $f) $(fwcall_x0 $AFFINITY32 $n 0)" "1 0x0"
	elif [ $n -ne 0 ]; then
		fail "cpu${n}_can_go_offline" "no $f"
	fi
	n=$((n + 1))
done
dmesg | grep -q "CPU(s) started in wrong/inconsistent modes" &&
	fail cpus_back_in_hyp "$(dmesg | grep 'inconsistent modes')" || pass cpus_back_in_hyp
exit $FAILED
