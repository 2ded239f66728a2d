// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL3 translation tables and turning the MMU on: one job. Static and flat (VA = PA),
 * 4 KiB granule, 39-bit addresses, 2 MiB blocks: one level-1 table and a level-2 table
 * for each of the first two GiB, which hold everything the firmware touches. The platform
 * says what to map and how (plat_mmap in plat/qemu-virt/mmap.c).
 *
 * Why the MMU is on: with it off every access is Device memory, where exclusives (the
 * spinlocks) may abort on real cores (Cortex-A35 does), and nothing states how the firmware
 * stays coherent with Linux's view of memory. The attributes per region are the platform's
 * (mmap.c says why each is what it is).
 */
#include <stddef.h>
#include <stdint.h>

#include "arch.h"
#include "mmu.h"

#define ENTRIES		512
#define L1_SHIFT	30
#define L2_SHIFT	21
#define BLOCK_SIZE	(1ULL << L2_SHIFT)
#define MAPPED_GIB	2

/* Descriptor bits (VMSAv8-64, stage 1, EL3 regime). */
#define DESC_BLOCK	0x1ULL
#define DESC_TABLE	0x3ULL
#define DESC_ATTR(i)	((uint64_t)(i) << 2)	/* MAIR_EL3 index */
#define DESC_NS		(1ULL << 5)
#define DESC_RO		(1ULL << 7)		/* AP[2] */
#define DESC_ISH	(3ULL << 8)
#define DESC_AF		(1ULL << 10)
#define DESC_XN		(1ULL << 54)

/* MAIR_EL3: the three memory types the map uses, by index. */
#define MAIR_DEVICE_nGnRE	0x04ULL
#define MAIR_NORMAL_WB		0xffULL		/* inner/outer write-back, read/write-allocate */
#define MAIR_NORMAL_NC		0x44ULL		/* inner/outer non-cacheable */
#define MAIR_VALUE	(MAIR_DEVICE_nGnRE << (8 * MT_DEVICE) | \
			 MAIR_NORMAL_WB << (8 * MT_NORMAL) | \
			 MAIR_NORMAL_NC << (8 * MT_NORMAL_NC))

/* TCR_EL3: T0SZ 25 (39 bits), walks write-back inner shareable, 4 KiB, 40-bit PA. */
#define TCR_RES1	((1ULL << 31) | (1ULL << 23))
#define TCR_VALUE	(TCR_RES1 | 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | \
			 (2ULL << 16))

#define SCTLR_M		(1ULL << 0)
#define SCTLR_C		(1ULL << 2)
#define SCTLR_I		(1ULL << 12)

static uint64_t l1[ENTRIES] __attribute__((aligned(4096)));
static uint64_t l2[MAPPED_GIB][ENTRIES] __attribute__((aligned(4096)));

static uint64_t block_attrs(unsigned int flags)
{
	uint64_t d = DESC_BLOCK | DESC_AF | DESC_ATTR(flags & MT_TYPE_MASK);

	if ((flags & MT_TYPE_MASK) != MT_DEVICE)
		d |= DESC_ISH;
	if (flags & MT_NS)
		d |= DESC_NS;
	if (!(flags & MT_RW))
		d |= DESC_RO;
	if (!(flags & MT_EXEC))
		d |= DESC_XN;
	return d;
}

/* Returns 0, or -1 when a region is not 2 MiB aligned or lies beyond the tables. */
int mmu_build_tables(const struct mmap_region *map, size_t n)
{
	unsigned int g;
	size_t i;

	for (g = 0; g < MAPPED_GIB; g++)
		l1[g] = (uint64_t)(uintptr_t)l2[g] | DESC_TABLE;
	for (i = 0; i < n; i++) {
		uint64_t pa = map[i].base, end = map[i].base + map[i].size;

		if ((pa | map[i].size) & (BLOCK_SIZE - 1) ||
		    end > ((uint64_t)MAPPED_GIB << L1_SHIFT))
			return -1;
		for (; pa < end; pa += BLOCK_SIZE)
			l2[pa >> L1_SHIFT][(pa >> L2_SHIFT) & (ENTRIES - 1)] =
				pa | block_attrs(map[i].flags);
	}
	dsb();
	return 0;
}

void mmu_enable(void)
{
	write_sysreg(MAIR_VALUE, mair_el3);
	write_sysreg(TCR_VALUE, tcr_el3);
	write_sysreg((uintptr_t)l1, ttbr0_el3);
	dsb();
	__asm__ volatile("tlbi alle3" ::: "memory");
	dsb();
	isb();
	write_sysreg(read_sysreg(sctlr_el3) | SCTLR_M | SCTLR_C | SCTLR_I, sctlr_el3);
	isb();
}
