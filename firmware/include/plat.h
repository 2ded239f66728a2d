/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform hooks the portable code calls (services/, protocols/), in one place as TF-A's
 * include/plat/common/platform.h. plat/qemu-virt/ implements them for the board; the host
 * tests and fuzz harnesses implement them as stubs. The test image's own hooks are in diag.h.
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
void plat_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * SMCCC_ARCH_FEATURES for SMCCC_ARCH_WORKAROUND_1/2/3 on this core: SMCCC_SUCCESS (the
 * firmware mitigates on every entry; call it), SMCCC_WA_UNAFFECTED, SMCCC_WA_NOT_REQUIRED
 * (WA_2: mitigated for good at reset, or no core needs it) or SMCCC_NOT_SUPPORTED.
 */
int64_t plat_arch_workaround(uint32_t fid);
/* Nanoseconds since boot, from the generic timer: sensors that evolve, DIAG_TIMING. */
uint64_t plat_time_ns(void);

#endif
