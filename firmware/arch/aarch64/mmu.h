/* SPDX-License-Identifier: BSD-3-Clause */
/* The EL3 MMU (mmu.c): a flat map of 2 MiB blocks, built once, enabled on every CPU. */
#ifndef MMU_H
#define MMU_H

#include <stddef.h>
#include <stdint.h>

/* Memory types (MAIR_EL3 indices) and permissions of a region. */
#define MT_DEVICE	0	/* Device-nGnRE */
#define MT_NORMAL	1	/* Normal, write-back cacheable, inner shareable */
#define MT_NORMAL_NC	2	/* Normal, non-cacheable */
#define MT_TYPE_MASK	0x3
#define MT_RW		(1U << 2)	/* writable (else read-only) */
#define MT_EXEC		(1U << 3)	/* executable (else execute-never) */
#define MT_NS		(1U << 4)	/* non-secure physical address space */

struct mmap_region {
	uint64_t base, size;	/* 2 MiB aligned */
	unsigned int flags;
};

int mmu_build_tables(const struct mmap_region *map, size_t n);	/* boot CPU, once */
void mmu_enable(void);						/* every CPU */

#endif
