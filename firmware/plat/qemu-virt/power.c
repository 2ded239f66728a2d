// SPDX-License-Identifier: BSD-3-Clause
/*
 * Ending the machine: PSCI SYSTEM_OFF / SYSTEM_RESET through the secure PL061 GPIO that QEMU
 * wires to its power-off and reset requests (a rising edge on pin 0 / pin 1), and PSCI
 * CPU_SUSPEND's standby. No semihosting: the runner starts QEMU without it, so nothing in any
 * world can reach the host (the test image's DIAG_EXIT is a line on the UART: plat_diag.c).
 */
#include <stdint.h>

#include "arch.h"
#include "platform_def.h"
#include "plat.h"

#define GPIODIR		0x400

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

void plat_panic(const char *why)
{
	plat_log("firmware: FATAL: %s\n", why);
	plat_system_off();
}

void plat_system_reset(void)
{
	gpio_rising_edge(PLAT_GPIO_RESET);
	halt();
}

/*
 * Standby: the CPU waits for an interrupt or event and returns with its state intact.
 * SCR_EL3.IRQ/FIQ are clear, so a pending non-secure interrupt ends the WFI (PSCI 1.1,
 * 5.4: a standby state may return early, on any wake-up event).
 */
void plat_cpu_standby(void)
{
	dsb();
	wfi();
}
