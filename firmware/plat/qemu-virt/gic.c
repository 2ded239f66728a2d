// SPDX-License-Identifier: BSD-3-Clause
/*
 * The GIC, as QEMU virt models it: GICv2 with the security extensions (the default) or
 * GICv3 (gic-version=3), told apart at run time by the CPU's ID registers.
 *
 * Linux runs non-secure and owns the GIC, so the firmware only hands every interrupt to the
 * non-secure group, opens the non-secure CPU interface (and on GICv3 the system-register
 * interface for EL2 and EL1), and wakes each CPU's redistributor. It uses no interrupts.
 */
#include <stdint.h>

#include "arch.h"
#include "platform_def.h"

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR		0x0080
#define GICD_IGRPMODR		0x0d00
#define GICD_CTLR_RWP		(1U << 31)
#define GICV3_CTLR_ENABLE	((1U << 0) | (1U << 1) | (1U << 2))	/* Grp0, Grp1NS, Grp1S */
#define GICV3_CTLR_ARE		((1U << 4) | (1U << 5))			/* ARE_S, ARE_NS */

#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004

#define GICR_FRAME_SIZE		0x20000		/* RD_base + SGI_base */
#define GICR_WAKER		0x0014
#define GICR_WAKER_SLEEP	(1U << 1)
#define GICR_WAKER_ASLEEP	(1U << 2)
#define GICR_SGI		0x10000
#define GICR_IGROUPR0		(GICR_SGI + 0x0080)
#define GICR_IGRPMODR0		(GICR_SGI + 0x0d00)

/* ICC_SRE_ELx: system registers on (SRE), IRQ/FIQ bypass off (DFB, DIB), lower EL access. */
#define ICC_SRE_ALL		0xfU
#define write_icc_sre_el3(v)	write_sysreg(v, S3_6_C12_C12_5)
#define write_icc_sre_el2(v)	write_sysreg(v, S3_4_C12_C9_5)

static inline void mmio_write(uint64_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

static inline uint32_t mmio_read(uint64_t addr)
{
	return *(volatile uint32_t *)addr;
}

/*
 * The CPU says whether a GICv3 CPU interface is attached (ID_AA64PFR0_EL1.GIC); probing the
 * distributor's ID registers would fault, since they sit at different offsets in v2 and v3.
 */
static unsigned int gic_version(void)
{
	return ((read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf) ? 3 : 2;
}

static unsigned int gic_lines(void)
{
	return ((mmio_read(PLAT_GICD_BASE + GICD_TYPER) & 0x1f) + 1) * 32;
}

static void gicv3_cpu_init(unsigned int cpu)
{
	uint64_t rd = PLAT_GICR_BASE + (uint64_t)cpu * GICR_FRAME_SIZE;

	mmio_write(rd + GICR_WAKER, mmio_read(rd + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	while (mmio_read(rd + GICR_WAKER) & GICR_WAKER_ASLEEP)
		;
	mmio_write(rd + GICR_IGROUPR0, ~0U);	/* SGIs and PPIs: Group 1 non-secure */
	mmio_write(rd + GICR_IGRPMODR0, 0);
	write_icc_sre_el3(ICC_SRE_ALL);
	isb();
	write_icc_sre_el2(ICC_SRE_ALL);		/* EL2 (and through it EL1) may use them too */
	isb();
}

static void gicv2_cpu_init(void)
{
	/* IGROUPR0 (SGIs and PPIs) is banked: every CPU sets its own. */
	mmio_write(PLAT_GICD_BASE + GICD_IGROUPR, ~0U);
	mmio_write(PLAT_GICC_BASE + GICC_PMR, 0xff);
	mmio_write(PLAT_GICC_BASE + GICC_CTLR, 0x3);	/* EnableGrp0 | EnableGrp1 */
}

void gic_cpu_init(unsigned int cpu)
{
	if (gic_version() >= 3)
		gicv3_cpu_init(cpu);
	else
		gicv2_cpu_init();
}

/* Once, on the boot CPU: shared interrupts to the non-secure group, distributor on. */
void gic_init(unsigned int cpu)
{
	unsigned int i, lines = gic_lines();
	int v3 = gic_version() >= 3;

	for (i = 32; i < lines; i += 32) {
		mmio_write(PLAT_GICD_BASE + GICD_IGROUPR + i / 8, ~0U);
		if (v3)
			mmio_write(PLAT_GICD_BASE + GICD_IGRPMODR + i / 8, 0);
	}
	if (v3) {
		mmio_write(PLAT_GICD_BASE + GICD_CTLR, GICV3_CTLR_ARE);
		while (mmio_read(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
			;
		mmio_write(PLAT_GICD_BASE + GICD_CTLR, GICV3_CTLR_ARE | GICV3_CTLR_ENABLE);
	} else {
		mmio_write(PLAT_GICD_BASE + GICD_CTLR, 0x3);	/* EnableGrp0 | EnableGrp1 */
	}
	gic_cpu_init(cpu);
}
