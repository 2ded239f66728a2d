/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform hooks the portable code calls (services/, protocols/), in one place as TF-A's
 * include/plat/common/platform.h. plat/qemu-virt/ implements them for the board; the host
 * tests and fuzz harnesses implement them as stubs.
 */
#ifndef PLAT_H
#define PLAT_H

#include <stdbool.h>
#include <stdint.h>

unsigned int plat_current_cpu(void);
int plat_mpidr_to_cpu(uint64_t mpidr);		/* negative when no such CPU */
void plat_wake_cpu(unsigned int cpu);
void plat_cpu_park(void) __attribute__((noreturn));	/* this CPU is off: back to the pen */
/* PSCI CPU_SUSPEND, standby: wait for a wake-up event (an interrupt) and return. */
void plat_cpu_standby(void);
void plat_system_off(void) __attribute__((noreturn));
/* One "firmware: FATAL: <why>" line on the secure UART, then power-off. */
void plat_panic(const char *why) __attribute__((noreturn));
void plat_system_reset(void) __attribute__((noreturn));
/* Test image only (DIAG_EXIT): print BOARD_EXIT_MARKER and the code, then power off. */
void plat_exit(uint32_t code) __attribute__((noreturn));
void plat_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * SMCCC_ARCH_FEATURES for SMCCC_ARCH_WORKAROUND_1/2/3 on this core: SMCCC_SUCCESS (the
 * firmware mitigates on every entry; call it), SMCCC_WA_UNAFFECTED, SMCCC_WA_NOT_REQUIRED
 * (WA_2: mitigated for good at reset, or no core needs it) or SMCCC_NOT_SUPPORTED.
 */
int64_t plat_arch_workaround(uint32_t fid);
/*
 * Test image only. DIAG_MEM_ATTR: translate @addr as the firmware's own read (@write: write)
 * with AT S1E3R/W and return PAR_EL1 (bit 0 set: not mapped, or not for that access).
 * DIAG_TRAP: leave FP/SIMD trapping to EL3 on this CPU, so its next FP/SIMD instruction at a
 * lower EL takes the unexpected-trap panic.
 */
uint64_t plat_translate(uint64_t addr, bool write);
void plat_trap_fp(void);
/* Nanoseconds since boot, from the generic timer: sensors that evolve, DIAG_TIMING. */
uint64_t plat_time_ns(void);

#endif
