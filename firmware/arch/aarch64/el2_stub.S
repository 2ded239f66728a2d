/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The resident EL2 stub for the hvc conduit. The boot CPU copies this section to the board's
 * non-secure firmware region (BOARD_NS_FW_BASE); it is position independent.
 *
 * Linux runs at EL1 and calls PSCI and the doorbells with HVC. The stub forwards each HVC to
 * EL3 with SMC: SMCCC passes the same registers both ways, so EL3 serves it through the very
 * same dispatcher, and the stub only has to get back with ERET.
 *
 * Offsets inside the section are part of the EL3 <-> stub contract (el2_stub.h).
 */
#include "el2_stub.h"

	.macro	park
	.align	7
	wfi
	b	.
	.endm

	.section .el2_stub, "ax"
	.align	11
	.global	el2_stub_start
el2_stub_start:
	.rept	8		/* current EL, SP_EL0 and SP_ELx */
	park
	.endr
	.align	7		/* lower EL, AArch64: sync */
	b	lower_sync
	.rept	7		/* the rest of lower EL AArch64, and all of lower EL AArch32 */
	park
	.endr

lower_sync:
	/* No stack at EL2: keep x18 in TPIDR_EL2 while looking at the syndrome. */
	msr	tpidr_el2, x18
	mrs	x18, esr_el2
	lsr	x18, x18, #26
	cmp	x18, #0x16		/* EC: HVC from AArch64 */
	b.ne	1f
	mrs	x18, tpidr_el2
	smc	#0
	eret
1:	wfi
	b	1b

/*
 * EL3 erets here (EL2h, DAIF masked) with x0 = EL1 entry point, x1 = its x0 (DTB or
 * PSCI context id). Configure EL2 for an AArch64 EL1 that owns the timer and the GIC
 * CPU interface, then drop to EL1h.
 */
	.org	EL2_STUB_ENTER_EL1
	adr	x2, el2_stub_start
	msr	vbar_el2, x2
	/*
	 * HCR_EL2: RW (EL1 is AArch64), APK/API (pointer authentication not trapped), ATA (MTE
	 * tags not trapped); APK/API/ATA are RES0 without their feature, so setting them is safe.
	 */
	mov	x2, #(1 << 31)
	orr	x2, x2, #(3 << 40)
	orr	x2, x2, #(1 << 56)
	msr	hcr_el2, x2
	mov	x2, #3			/* CNTHCTL_EL2: EL1 may use the physical timer */
	msr	cnthctl_el2, x2
	msr	cntvoff_el2, xzr
	mrs	x2, midr_el1
	msr	vpidr_el2, x2
	mrs	x2, mpidr_el1
	msr	vmpidr_el2, x2
	/*
	 * CPTR_EL2: RES1 bits, no FP/SIMD trap; TZ (bit 8) and TSM (bit 12) cleared when the CPU
	 * has SVE / SME (RES1 otherwise), with the largest vector lengths (ZCR_EL2, SMCR_EL2).
	 */
	mov	x2, #0x33ff
	mrs	x3, id_aa64pfr0_el1
	ubfx	x3, x3, #32, #4		/* SVE */
	cbz	x3, 2f
	bic	x2, x2, #(1 << 8)
2:	mrs	x3, id_aa64pfr1_el1
	ubfx	x3, x3, #24, #4		/* SME */
	cbz	x3, 3f
	bic	x2, x2, #(1 << 12)
3:	msr	cptr_el2, x2
	isb
	tbnz	x2, #8, 4f
	mov	x3, #0xf
	msr	S3_4_C1_C2_0, x3	/* ZCR_EL2.LEN */
4:	tbnz	x2, #12, 5f
	mov	x3, #0xf
	msr	S3_4_C1_C2_6, x3	/* SMCR_EL2.LEN */
5:
	msr	hstr_el2, xzr
	mrs	x2, pmcr_el0		/* MDCR_EL2.HPMN = PMCR_EL0.N: EL1 sees every counter */
	ubfx	x2, x2, #11, #5
	msr	mdcr_el2, x2
	movz	x2, #0x0800
	movk	x2, #0x30d0, lsl #16	/* SCTLR_EL1 RES1 bits, MMU off */
	msr	sctlr_el1, x2
	mov	x2, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x2
	msr	elr_el2, x0
	mov	x0, x1
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	isb
	eret

	.global	el2_stub_end
el2_stub_end:
