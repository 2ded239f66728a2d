/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset: QEMU starts every CPU here, at EL3, MMU off, all at once.
 * Assembly does only what C cannot: pick this CPU's stack, and on the boot CPU copy .data
 * out of flash and clear .bss. Everything else is C (plat/qemu-virt/boot.c).
 */
#include "platform_def.h"

	.section .text.entry, "ax"
	.global	fw_entry
fw_entry:
	msr	daifset, #0xf
	mrs	x0, mpidr_el1
	and	x19, x0, #0xff			/* Aff0 = CPU number on QEMU virt */
	tst	x0, #0xffff00			/* Aff1/Aff2 must be zero */
	b.ne	cpu_dead
	cmp	x19, #PLAT_MAX_CPUS
	b.hs	cpu_dead

	/* sp = __stacks_end - cpu * PLAT_STACK_SIZE */
	ldr	x1, =__stacks_end
	mov	x2, #PLAT_STACK_SIZE
	msub	x1, x19, x2, x1
	mov	sp, x1

	cbnz	x19, secondary

	/* Boot CPU: .data from its load address in flash, then zero .bss. */
	ldr	x0, =__data_start
	ldr	x1, =__data_load
	ldr	x2, =__data_end
1:	cmp	x0, x2
	b.hs	2f
	ldr	x3, [x1], #8
	str	x3, [x0], #8
	b	1b
2:	ldr	x0, =__bss_start
	ldr	x2, =__bss_end
3:	cmp	x0, x2
	b.hs	4f
	str	xzr, [x0], #8
	b	3b
4:	mov	x0, x19
	bl	boot_primary
	b	cpu_dead

/*
 * Secondaries touch no firmware state until the boot CPU has initialised all of it. RAM is
 * no witness: SRAM can power up with any content and keeps the last boot's after a warm
 * reset. The GIC distributor's enable bit is: every reset clears it, and the boot CPU sets
 * it (gic_init) as the last step of its initialisation, then signals an event.
 */
secondary:
	ldr	x0, =PLAT_GICD_BASE
5:	ldr	w1, [x0]			/* GICD_CTLR */
	tbnz	w1, #0, 6f			/* EnableGrp0: the boot CPU is done */
	wfe
	b	5b
6:	mov	x0, x19
	bl	boot_secondary
	/* fall through: never returns */

cpu_dead:
	wfi
	b	cpu_dead

/*
 * void cpu_pen_reenter(uint64_t stack_top, unsigned int cpu): a CPU that PSCI turned off drops
 * the exception frame it was in and waits in the pen with a fresh stack.
 */
	.global	cpu_pen_reenter
cpu_pen_reenter:
	mov	sp, x0
	mov	x0, x1
	bl	cpu_pen
	b	cpu_dead

/*
 * void enter_lower_el(uint64_t pc, uint64_t spsr, uint64_t x0, uint64_t x1, uint64_t x2): enter
 * the non-secure world (x2: r2 of a 32-bit Linux, the DTB). Every other general-purpose
 * register is cleared so no firmware value leaks.
 */
	.global	enter_lower_el
enter_lower_el:
	msr	elr_el3, x0
	msr	spsr_el3, x1
	mov	x0, x2
	mov	x1, x3
	mov	x2, x4
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, \
		25, 26, 27, 28, 29, 30
	mov	x\n, xzr
	.endr
	isb
	eret

	.ltorg
