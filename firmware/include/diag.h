/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test image's interfaces between layers: what the diagnostic SiP calls
 * (services/sip_diag.c) need from the platform and from the SCMI server. Only files named
 * *_diag.c implement them, and firmware/Makefile builds those into the test images only, so
 * a production image that referenced one of these would not link.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdbool.h>
#include <stdint.h>

/* DIAG_EXIT: print BOARD_EXIT_MARKER and the code on the secure UART, then power off. */
void plat_exit(uint32_t code) __attribute__((noreturn));
/*
 * DIAG_MEM_ATTR: translate @addr as the firmware's own read (@write: write) with AT S1E3R/W
 * and return PAR_EL1 (bit 0 set: not mapped, or not for that access).
 * DIAG_TRAP: leave FP/SIMD trapping to EL3 on this CPU, so its next FP/SIMD instruction at a
 * lower EL takes the unexpected-trap panic.
 */
uint64_t plat_translate(uint64_t addr, bool write);
void plat_trap_fp(void);

/* DIAG_RESET_LINE: a reset line of the SCMI reset domain protocol; nonzero for a bad line. */
int scmi_reset_line_state(uint64_t line, uint32_t *asserted, uint32_t *resets);

#endif
