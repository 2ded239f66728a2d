/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EL3 exception vectors. Only the two "lower EL, synchronous" entries are live (SMC from
 * AArch64 and from AArch32); every other vector reports itself and stops the machine.
 * Two tables: el3_vectors, and el3_vectors_btb_inval for the cores whose Spectre
 * mitigation runs on every entry (cpu_errata.c chooses).
 * The frame layout is struct smc_regs (context.h, with compile-time asserts).
 */
#include "context.h"

	.macro	park_vector, id
	.align	7
	mov	x0, #\id
	mrs	x1, esr_el3
	mrs	x2, elr_el3
	b	unexpected_exception
	.endm

	.macro	smc_vector, from_aarch32, btb_inval=0
	.align	7
	sub	sp, sp, #CTX_SIZE
	stp	x0, x1, [sp, #0]
	.if \btb_inval
	/* Cortex-A57/A72: the MMU off and on again invalidates the branch predictor (Spectre
	 * v2 and BHB, cpu_errata.c). Flat map: the next fetch is the same address either way. */
	mrs	x0, sctlr_el3
	bic	x1, x0, #1
	msr	sctlr_el3, x1
	isb
	msr	sctlr_el3, x0
	isb
	.endif
	stp	x2, x3, [sp, #16]
	mov	x1, #\from_aarch32
	b	smc_entry
	.endm

/*
 * A table of 16 entries: 0-3 current EL with SP_EL0, 4-7 current EL with SP_ELx (a firmware
 * bug), 8-11 lower EL in AArch64, 12-15 lower EL in AArch32; sync, IRQ, FIQ, SError each.
 */
	.macro	vector_table, name, btb_inval
	.align	11
	.global	\name
\name:
	.irp	id, 0, 1, 2, 3, 4, 5, 6, 7
	park_vector \id
	.endr
	smc_vector 0, \btb_inval	/* lower EL, AArch64: sync */
	.irp	id, 9, 10, 11
	park_vector \id
	.endr
	smc_vector 1, \btb_inval	/* lower EL, AArch32: sync */
	.irp	id, 13, 14, 15
	park_vector \id
	.endr
	.endm

	.section .text.vectors, "ax"
	vector_table el3_vectors, 0
	/* The same, for cores that must invalidate their branch predictor on entry from below. */
	vector_table el3_vectors_btb_inval, 1

/* x0-x3 are saved; x1 = from_aarch32. */
smc_entry:
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x30, [sp, #CTX_X18]
	mov	x0, sp
	bl	smc_handler		/* (struct smc_regs *, bool from_aarch32) */
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x30, [sp, #CTX_X18]
	add	sp, sp, #CTX_SIZE
	eret
