/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QEMU virt (secure=on,virtualization=on): the platform's fixed addresses.
 * Everything the device tree shares with Linux lives in board/board.h instead.
 */
#ifndef PLATFORM_DEF_H
#define PLATFORM_DEF_H

#include "board.h"

#define PLAT_MAX_CPUS		8	/* GICv2 limit; QEMU puts CPU n at Aff0 = n */
#define PLAT_STACK_SIZE		0x2000

#define PLAT_SEC_RAM_BASE	0x0e000000ULL
#define PLAT_SEC_RAM_SIZE	0x01000000ULL

#define PLAT_SEC_UART_BASE	0x09040000ULL	/* PL011, firmware log */
#define PLAT_SEC_GPIO_BASE	0x090b0000ULL	/* PL061: pin 0 power-off, pin 1 reset */
#define PLAT_GPIO_POWEROFF	0
#define PLAT_GPIO_RESET		1

#define PLAT_GICD_BASE		0x08000000ULL
#define PLAT_GICC_BASE		0x08010000ULL
#define PLAT_GICR_BASE		0x080a0000ULL	/* GICv3 redistributors */

#define PLAT_CNTFRQ_HZ		62500000ULL	/* QEMU's generic timer: 16 ns a tick */

#endif
