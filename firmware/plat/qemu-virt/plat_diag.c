// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform hooks only the test image's diagnostic calls use (include/diag.h): DIAG_EXIT's
 * line on the secure UART (BOARD_EXIT_MARKER and the status, which the runner reads) before
 * power-off, and the two that need the CPU itself, DIAG_MEM_ATTR's translation and
 * DIAG_TRAP. firmware/Makefile builds this file into the test images only.
 */
#include <stdint.h>

#include "arch.h"
#include "diag.h"
#include "plat.h"
#include "platform_def.h"

void plat_exit(uint32_t code)
{
	plat_log("%s %u\n", BOARD_EXIT_MARKER, code);
	plat_system_off();
}

uint64_t plat_translate(uint64_t addr, bool write)
{
	if (write)
		__asm__ volatile("at s1e3w, %0" : : "r"(addr));
	else
		__asm__ volatile("at s1e3r, %0" : : "r"(addr));
	isb();
	return read_sysreg(par_el1);
}

void plat_trap_fp(void)
{
	write_sysreg(read_sysreg(cptr_el3) | CPTR_TFP, cptr_el3);
	isb();
}
