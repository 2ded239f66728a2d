# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: what the boot-rig issue promises, as Linux sees it.
. /qemu-run/lib.sh

NOT_SUPPORTED=0xffffffffffffffff
INVALID_ADDRESS=0xfffffffffffffff7

# The runner asked for $SMP CPUs (run-guest-tests: 2): all of them came up.
expect_eq boots_with_all_cpus "$(grep -c ^processor /proc/cpuinfo)" "$SMP"
dmesg | grep -q "PSCIv1.1 detected in firmware" && pass psci_1_1_detected ||
	fail psci_1_1_detected "$(dmesg | grep -i psci | head -3)"
# smc: Linux owns EL2. hvc: the firmware's stub owns EL2 and Linux runs at EL1.
want_el=EL2
[ "$CONDUIT" = hvc ] && want_el=EL1
dmesg | grep -q "CPU(s) started at $want_el" && pass "linux_entered_at_$want_el" ||
	fail "linux_entered_at_$want_el" "$(dmesg | grep 'started at')"
expect_eq smccc_version_is_1_1 "$(fwcall_x0 0x80000000)" 0x10001
expect_eq unknown_function_id_is_not_supported "$(fwcall_x0 0x83000042)" $NOT_SUPPORTED
expect_eq fast_call_with_bits_23_16_is_not_supported "$(fwcall_x0 0x84010000)" $NOT_SUPPORTED
expect_eq yielding_call_is_not_supported "$(fwcall_x0 0x04000000)" $NOT_SUPPORTED
expect_eq cpu_on_into_secure_ram_is_invalid_address \
	"$(fwcall_x0 0xc4000003 1 $PLAT_SEC_RAM_BASE 0)" $INVALID_ADDRESS
expect_eq cpu_on_into_shared_memory_is_invalid_address \
	"$(fwcall_x0 0xc4000003 1 $BOARD_SHMEM_BASE 0)" $INVALID_ADDRESS
# PSCI 1.1 CPU_SUSPEND: the core's standby (power_state 0) returns SUCCESS after a wake-up
# (the next timer tick); a power-down state is refused; PSCI_FEATURES offers it.
expect_eq cpu_suspend_standby_returns_success "$(fwcall_x0 0x84000001 0)" 0x0
expect_eq cpu_suspend_powerdown_is_invalid_parameters "$(fwcall_x0 0x84000001 0x10000)" \
	0xfffffffffffffffe
expect_eq psci_features_offers_cpu_suspend "$(fwcall_x0 0x8400000a 0x84000001)" 0x0
expect_eq firmware_still_serves_after_bad_calls "$(fwcall_x0 0x84000000)" 0x10001

cpu1=/sys/devices/system/cpu/cpu1/online
if [ -e $cpu1 ]; then
	echo 0 > $cpu1
	expect_eq cpu1_goes_offline "$(cat $cpu1)" 0
	expect_eq psci_reports_cpu1_off "$(fwcall_x0 0xc4000004 1 0)" 0x1
	echo 1 > $cpu1
	expect_eq cpu1_comes_back_online "$(cat $cpu1)" 1
	expect_eq psci_reports_cpu1_on "$(fwcall_x0 0xc4000004 1 0)" 0x0
fi
exit $FAILED
