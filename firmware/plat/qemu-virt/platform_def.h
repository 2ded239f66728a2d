/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QEMU virt (secure=on,virtualization=on): the platform's fixed addresses.
 * Everything the device tree shares with Linux lives in board/board.h instead.
 */
#ifndef PLATFORM_DEF_H
#define PLATFORM_DEF_H

#include "board.h"

/* A 64-bit constant in C; the bare number in assembly and the linker script (cpp'd too). */
#ifdef __ASSEMBLER__
#define PLAT_U64(x)		x
#else
#define PLAT_U64(x)		x##ULL
#endif

#define PLAT_MAX_CPUS		8	/* GICv2 limit; QEMU puts CPU n at Aff0 = n */
#define PLAT_STACK_SIZE		0x2000

#define PLAT_FLASH_BASE		PLAT_U64(0x00000000)	/* secure flash0: code, read-only data */
#define PLAT_FLASH_SIZE		PLAT_U64(0x04000000)
#define PLAT_SEC_RAM_BASE	PLAT_U64(0x0e000000)
#define PLAT_SEC_RAM_SIZE	PLAT_U64(0x01000000)

#define PLAT_SEC_UART_BASE	0x09040000ULL	/* PL011, firmware log */
#define PLAT_SEC_GPIO_BASE	0x090b0000ULL	/* PL061: pin 0 power-off, pin 1 reset */
#define PLAT_GPIO_POWEROFF	0
#define PLAT_GPIO_RESET		1

#define PLAT_GICD_BASE		PLAT_U64(0x08000000)
#define PLAT_GICC_BASE		0x08010000ULL
#define PLAT_GICR_BASE		0x080a0000ULL	/* GICv3 redistributors */

#define PLAT_CNTFRQ_HZ		62500000ULL	/* QEMU's generic timer: 16 ns a tick */

#endif
