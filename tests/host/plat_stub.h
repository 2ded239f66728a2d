/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform hooks (firmware/include/plat.h) for every host test and fuzz harness, in one
 * file (plat_stub.c): they record what the firmware asked for in plat_stub, and the hooks that
 * never return on the board jump to plat_stub_noreturn instead (a test that expects one sets
 * it with setjmp first). Built without FW_TEST_IMAGE, the file has no plat_exit(): a
 * production build whose services referenced DIAG_EXIT would not link.
 */
#ifndef PLAT_STUB_H
#define PLAT_STUB_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "plat.h"

struct plat_stub {
	unsigned int cpu;		/* what plat_current_cpu() answers */
	uint32_t woken;			/* CPUs plat_wake_cpu() was asked to wake, a bit each */
	unsigned int woken_again;	/* wakes of a CPU already in woken */
	int last_woken;			/* the last one, -1 for none */
	const char *noreturn;		/* the last no-return hook: park, off, reset, exit */
	unsigned int standbys;		/* plat_cpu_standby() calls */
	uint32_t exit_code;		/* DIAG_EXIT's code */
	uint64_t time_ns;		/* plat_time_ns() adds time_step_ns, then returns this */
	uint64_t time_step_ns;
	int64_t workaround[3];		/* SMCCC_ARCH_WORKAROUND_1, _2, _3 answers */
	uint64_t translated;		/* DIAG_MEM_ATTR's address ... */
	bool translated_write;		/* ... and access */
	unsigned int traps;		/* DIAG_TRAP calls */
};

extern struct plat_stub plat_stub;
extern jmp_buf plat_stub_noreturn;

/* Back to: CPU 0, nothing woken, clock at 0 not moving, the workarounds of a Cortex-A57. */
void plat_stub_reset(void);

#endif
