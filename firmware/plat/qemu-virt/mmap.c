// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the firmware maps on QEMU virt, and with which attributes (arch/aarch64/mmu.c).
 *
 * - Flash (code, read-only data): Normal write-back, read-only, executable.
 * - Secure RAM (data, bss, stacks, translation tables): Normal write-back, execute-never.
 *   Exclusives (the spinlocks) need Normal cacheable memory on real cores.
 * - GIC, secure UART, secure GPIO: Device-nGnRE, execute-never.
 * - Non-secure RAM below the firmware's own region (QEMU's and the runner's device trees):
 *   Normal non-cacheable, so the firmware reads what is in memory, whatever Linux's caches
 *   hold, and no cache maintenance is needed.
 * - The firmware's non-secure region (EL2 stub, every channel's shared memory):
 *   Device-nGnRE, the attributes Linux maps it with: arm_scpi, arm_scmi's shmem and
 *   mailbox-test all map the window with ioremap(), which on arm64 is Device-nGnRE. Both
 *   sides then read and write memory itself, never a cache, so neither needs maintenance
 *   and neither can see a stale line (mismatched attributes would need both).
 * Nothing else is mapped: an access anywhere else is a fault, reported by the vectors.
 */
#include <stddef.h>

#include "mmu.h"
#include "platform_def.h"

#define MiB(x)	((uint64_t)(x) << 20)

static const struct mmap_region plat_mmap[] = {
	{ PLAT_FLASH_BASE, PLAT_FLASH_SIZE, MT_NORMAL | MT_EXEC },		/* flash */
	{ PLAT_GICD_BASE, MiB(2), MT_DEVICE | MT_RW },				/* GICD, GICC, GICR */
	{ PLAT_SEC_UART_BASE & ~(MiB(2) - 1), MiB(2), MT_DEVICE | MT_RW },	/* UART, GPIO */
	{ PLAT_SEC_RAM_BASE, PLAT_SEC_RAM_SIZE, MT_NORMAL | MT_RW },
	{ BOARD_NS_RAM_BASE, BOARD_NS_FW_BASE - BOARD_NS_RAM_BASE, MT_NORMAL_NC | MT_RW | MT_NS },
	{ BOARD_NS_FW_BASE, BOARD_NS_FW_SIZE + BOARD_SHMEM_SIZE, MT_DEVICE | MT_RW | MT_NS },
};

int plat_mmu_setup(void)
{
	return mmu_build_tables(plat_mmap, sizeof(plat_mmap) / sizeof(plat_mmap[0]));
}
