/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Code and read-only data run from secure flash at 0 (QEMU ignores writes there); data, bss
 * and stacks live in secure RAM, which the non-secure world cannot reach. Run through cpp
 * (firmware/Makefile): every number comes from platform_def.h.
 */
#include "platform_def.h"
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(fw_entry)

MEMORY {
	FLASH (rx)  : ORIGIN = PLAT_FLASH_BASE, LENGTH = PLAT_FLASH_SIZE
	SRAM  (rwx) : ORIGIN = PLAT_SEC_RAM_BASE, LENGTH = PLAT_SEC_RAM_SIZE
}

SECTIONS
{
	.text : {
		*(.text.entry)
		*(.text.vectors)
		*(.text*)
	} > FLASH

	.rodata : ALIGN(8) { *(.rodata*) } > FLASH

	/* Copied to the non-secure firmware region at boot (hvc conduit). */
	.el2_stub : ALIGN(2048) {
		*(.el2_stub)
	} > FLASH

	.data : ALIGN(8) {
		__data_start = .;
		*(.data*)
		. = ALIGN(8);
		__data_end = .;
	} > SRAM AT > FLASH
	__data_load = LOADADDR(.data);

	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	} > SRAM

	.stacks (NOLOAD) : ALIGN(16) {
		. += PLAT_STACK_SIZE * PLAT_MAX_CPUS;
		__stacks_end = .;
	} > SRAM

	/DISCARD/ : { *(.note*) *(.comment) *(.eh_frame*) }
}
