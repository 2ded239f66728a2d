/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entering a 32-bit (AArch32) Linux from the AArch64 EL3 firmware: which kernel the runner
 * loaded, and at which mode the CPU can enter it. Pure decisions (aarch32_entry.c, also built
 * on the host by tests/host/test_aarch32_entry.c); the register writes are in
 * plat/qemu-virt/boot_aarch32.c.
 */
#ifndef AARCH32_ENTRY_H
#define AARCH32_ENTRY_H

#include <stdbool.h>
#include <stdint.h>

/* The kernel image's header: Linux's arm zImage (Documentation/arch/arm/booting.rst) or not. */
#define ZIMAGE_MAGIC_OFFSET	0x24
#define ZIMAGE_MAGIC		0x016f2818U
#define KERNEL_HEADER_SIZE	0x40	/* covers both headers' magic words */

/* Is the first KERNEL_HEADER_SIZE bytes of the image @hdr an arm zImage? */
bool image_is_zimage(const volatile uint8_t *hdr);

/* AArch32 SPSR mode fields (M[4] set: AArch32 state). */
#define SPSR32_MODE_SVC		0x13U
#define SPSR32_MODE_HYP		0x1aU
/* A, I, F masked (booting.rst: IRQs and FIQs disabled); T clear: ARM, not Thumb; E clear. */
#define SPSR32_AIF		(7U << 6)

/* ID_AA64PFR0_EL1 fields: 0 not implemented, 1 AArch64 only, 2 AArch64 and AArch32. */
#define ID_AA64PFR0_EL1_SHIFT	4
#define ID_AA64PFR0_EL2_SHIFT	8
#define ID_AA64PFR0_AARCH32	2U

struct aarch32_plan {
	bool hyp;		/* enter at HYP (AArch32 EL2), else SVC (AArch32 EL1) */
	bool el2_aarch64;	/* an AArch64 EL2 sits between EL3 and the AArch32 EL1 */
	uint32_t spsr;		/* SPSR_EL3 for the ERET */
};

/*
 * How a CPU with ID_AA64PFR0_EL1 = @pfr0 enters a 32-bit kernel: at HYP when EL2 implements
 * AArch32 (Linux then keeps HYP for KVM-less use of its hyp stub, as on a real Cortex-A15),
 * at SVC when EL2 is AArch64 only (EL2 stays AArch64 with HCR_EL2.RW clear) or absent.
 * Returns false when EL1 cannot run AArch32 at all: no 32-bit kernel can run on this CPU.
 */
bool aarch32_plan_entry(uint64_t pfr0, struct aarch32_plan *plan);

#endif
