// SPDX-License-Identifier: BSD-3-Clause
/*
 * GICv2 with the security extensions, as QEMU virt models it. Linux runs non-secure and owns
 * the GIC, so the firmware only hands every interrupt to Group 1 (non-secure) and opens the
 * priority mask; it uses no interrupts itself.
 */
#include <stdint.h>

#include "platform_def.h"

#define GICD_CTLR	0x000
#define GICD_TYPER	0x004
#define GICD_IGROUPR	0x080
#define GICC_CTLR	0x000
#define GICC_PMR	0x004

static inline void gic_write(uint64_t base, uint32_t off, uint32_t val)
{
	*(volatile uint32_t *)(base + off) = val;
}

static inline uint32_t gic_read(uint64_t base, uint32_t off)
{
	return *(volatile uint32_t *)(base + off);
}

/* Per CPU: IGROUPR0 (SGIs and PPIs) is banked, so every CPU sets its own. */
void gic_cpu_init(void)
{
	gic_write(PLAT_GICD_BASE, GICD_IGROUPR, ~0U);
	gic_write(PLAT_GICC_BASE, GICC_PMR, 0xff);
	gic_write(PLAT_GICC_BASE, GICC_CTLR, 0x3);	/* EnableGrp0 | EnableGrp1 */
}

/* Once, on the boot CPU: shared interrupts to Group 1, distributor on. */
void gic_init(void)
{
	unsigned int lines = ((gic_read(PLAT_GICD_BASE, GICD_TYPER) & 0x1f) + 1) * 32;
	unsigned int i;

	for (i = 32; i < lines; i += 32)
		gic_write(PLAT_GICD_BASE, GICD_IGROUPR + i / 8, ~0U);
	gic_write(PLAT_GICD_BASE, GICD_CTLR, 0x3);	/* EnableGrp0 | EnableGrp1 */
	gic_cpu_init();
}
