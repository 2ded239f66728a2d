// SPDX-License-Identifier: BSD-3-Clause
/*
 * Entering a 32-bit Linux: the boot CPU looks at the loaded image once, before it releases the
 * other CPUs, and every entry after that (the cold one, each PSCI CPU_ON) enters AArch32 in the
 * same mode. The caller's state is therefore always AArch32 too: with SCR_EL3.RW clear (or
 * HCR_EL2.RW clear below an AArch64 EL2) nothing in the non-secure world can be AArch64, so
 * CPU_ON needs no per-call state to enter "in the caller's state" (PSCI 1.1, 6.4.3).
 *
 * Linux's ARM boot protocol (Documentation/arch/arm/booting.rst): MMU and data cache off, ARM
 * state, IRQ and FIQ masked, HYP if the CPU has the virtualization extensions (else SVC),
 * r0 = 0, r1 = ~0 (no machine number: the device tree describes the board), r2 = the DTB.
 */
#include <stdint.h>

#include "aarch32_entry.h"
#include "arch.h"
#include "boot_aarch32.h"
#include "plat.h"
#include "platform_def.h"

/*
 * SCTLR (AArch32 EL1) and HSCTLR as after reset: MMU, caches, alignment checks off; ARM-state
 * exceptions (TE clear), little-endian (EE clear), CP15 barriers enabled; the RES1 bits set.
 * A CPU that Linux turned off left its own values (MMU on): booting.rst wants them off.
 */
#define SCTLR32_RESET	0x00c50838ULL
#define HSCTLR32_RESET	0x30c50838ULL
#define CPTR_EL2_RES1	0x33ffULL	/* no FP/SIMD trap to EL2 (TFP clear) */
#define CNTHCTL_EL1PC	3ULL		/* EL1 may use the physical counter and timer */

/* The boot CPU's, before it releases the others; all zero for a 64-bit kernel. */
static struct aarch32_plan plan;

/* A plan's SPSR always has M[4] (AArch32) set, so a zero one means no 32-bit kernel. */
bool ns_kernel_is_aarch32(void)
{
	return plan.spsr != 0;
}

void aarch32_detect(uintptr_t kernel_base)
{
	if (!image_is_zimage((const volatile uint8_t *)kernel_base))
		return;
#ifdef FW_CONDUIT_HVC
	/* The hvc conduit's EL2 stub is AArch64 code with no AArch32 lower-EL vector. */
	plat_panic("a 32-bit kernel takes the smc conduit only");
#endif
	if (!aarch32_plan_entry(read_sysreg(id_aa64pfr0_el1), &plan))
		plat_panic("a 32-bit kernel, but this CPU has no AArch32 at EL1");
	plat_log("firmware: 32-bit kernel (zImage), entering it at %s\n",
		 plan.hyp ? "HYP (AArch32 EL2)" : "SVC (AArch32 EL1)");
}

void aarch32_enter(uint64_t pc, uint32_t r0, uint32_t r1, uint32_t r2)
{
	uint64_t scr = read_sysreg(scr_el3);

	write_sysreg(SCTLR32_RESET, sctlr_el1);
	if (plan.el2_aarch64) {
		/* EL2 stays AArch64 and out of the way: EL1 is AArch32 (HCR_EL2.RW clear), no
		 * traps, the physical timer EL1's, the IDs EL1 reads are the CPU's own. */
		scr |= SCR_RW;
		write_sysreg(0, hcr_el2);
		write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
		write_sysreg(CPTR_EL2_RES1, cptr_el2);
		write_sysreg(0, hstr_el2);
		write_sysreg(CNTHCTL_EL1PC, cnthctl_el2);
		write_sysreg(0, cntvoff_el2);
		write_sysreg(read_sysreg(midr_el1), vpidr_el2);
		write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
	} else {
		/* EL2 (if any) and EL1 are AArch32; HYP starts with its MMU off and no traps. */
		scr &= ~(uint64_t)SCR_RW;
		if (plan.hyp) {
			write_sysreg(0, hcr_el2);
			write_sysreg(HSCTLR32_RESET, sctlr_el2);
			write_sysreg(0, hstr_el2);
		}
	}
	write_sysreg(scr, scr_el3);
	isb();
	/* ELR_EL3's upper half must be zero for an AArch32 target: pc is a 32-bit address. */
	enter_lower_el((uint32_t)pc, plan.spsr, r0, r1, r2);
}
