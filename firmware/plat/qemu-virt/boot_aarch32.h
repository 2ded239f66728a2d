/* SPDX-License-Identifier: BSD-3-Clause */
/* Entering a 32-bit Linux (boot_aarch32.c), and the ERET that every entry ends with. */
#ifndef BOOT_AARCH32_H
#define BOOT_AARCH32_H

#include <stdbool.h>
#include <stdint.h>

/* Clears every general-purpose register but x0-x2 (entry.S): no firmware value leaks. */
void enter_lower_el(uint64_t pc, uint64_t spsr, uint64_t x0, uint64_t x1, uint64_t x2)
	__attribute__((noreturn));

/* Boot CPU, before it releases the others: is the image at @kernel_base an arm zImage? */
void aarch32_detect(uintptr_t kernel_base);
bool ns_kernel_is_aarch32(void);
/* Enter AArch32 at @pc in the mode aarch32_detect() chose, with r0-r2 (the rest zero). */
void aarch32_enter(uint64_t pc, uint32_t r0, uint32_t r1, uint32_t r2) __attribute__((noreturn));

#endif
