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

# The firmware's own translation tables (plat/qemu-virt/mmap.c), asked with DIAG_MEM_ATTR:
# AT S1E3R/W from EL3, PAR_EL1 in x1 (bits 31:0) and x2 (63:32). MAIR attribute 0xff is
# Normal write-back, 0x44 Normal non-cacheable, 0x04 Device-nGnRE; PAR bit 0 is a fault.
# mem_attr NAME ADDRESS WRITE WANT: WANT is "fault", or "ATTR NS" (NS: PAR bit 9).
mem_attr() {
	set -- "$1" $(fwcall $BOARD_FID_DIAG_MEM_ATTR "$2" "$3") "$4" "$5"
	if [ "$2" != 0x0 ]; then
		fail "$1" "DIAG_MEM_ATTR x0 = $2"
	elif [ $(($3 & 1)) = 1 ]; then
		expect_eq "$1" fault "$6"
	else
		expect_eq "$1" "$(printf '0x%02x %d' $((($4 >> 24) & 0xff)) $((($3 >> 9) & 1)))" \
			"$6 $7"
	fi
}
mem_attr mmu_flash_is_normal_write_back $PLAT_FLASH_BASE 0 0xff 0
mem_attr mmu_flash_is_read_only $PLAT_FLASH_BASE 1 fault
mem_attr mmu_secure_ram_is_normal_write_back $PLAT_SEC_RAM_BASE 1 0xff 0
mem_attr mmu_secure_uart_is_device_ngnre $PLAT_SEC_UART_BASE 1 0x04 0
mem_attr mmu_shared_memory_is_device_ngnre_non_secure $BOARD_SHMEM_BASE 1 0x04 1
mem_attr mmu_dtb_is_normal_non_cacheable_non_secure $BOARD_DTB_BASE 0 0x44 1
mem_attr mmu_linux_ram_past_the_window_is_unmapped $((BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE)) 0 fault

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
