// SPDX-License-Identifier: BSD-3-Clause
/*
 * Ending the machine: PSCI SYSTEM_OFF / SYSTEM_RESET through the secure PL061 GPIO that QEMU
 * wires to its power-off and reset requests (a rising edge on pin 0 / pin 1), and the
 * semihosting exit that lets a test run hand the guest's status to QEMU's exit code.
 */
#include <stdint.h>

#include "arch.h"
#include "platform_def.h"
#include "services.h"

#define GPIODIR		0x400
#define SEMIHOST_SYS_EXIT		0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

static void gpio_rising_edge(unsigned int pin)
{
	volatile uint32_t *gpio = (volatile uint32_t *)PLAT_SEC_GPIO_BASE;
	uint32_t bit = 1U << pin;

	/* GPIODATA is addressed through a mask in address bits [9:2]: touch only our pin. */
	gpio[GPIODIR / 4] |= bit;
	gpio[bit] = 0;
	gpio[bit] = bit;
}

static void __attribute__((noreturn)) halt(void)
{
	for (;;)
		wfi();
}

void plat_system_off(void)
{
	gpio_rising_edge(PLAT_GPIO_POWEROFF);
	halt();
}

void plat_system_reset(void)
{
	gpio_rising_edge(PLAT_GPIO_RESET);
	halt();
}

void plat_exit(uint32_t code)
{
	/* AArch64 semihosting: SYS_EXIT (w0) with x1 -> {reason, subcode}. */
	static uint64_t block[2];

	plat_log("diag: exit %u\n", code);
	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = code;
	__asm__ volatile("mov x0, %0\n\tmov x1, %1\n\thlt #0xf000"
			 : : "r"((uint64_t)SEMIHOST_SYS_EXIT), "r"(block) : "x0", "x1", "memory");
	/* Only reached if QEMU ignored the request: power off rather than return. */
	plat_system_off();
}
