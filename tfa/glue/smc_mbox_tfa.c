// SPDX-License-Identifier: BSD-3-Clause
/*
 * The glue between TF-A and the project's doorbell services: the one file that knows both.
 *
 * It runs the SiP dispatcher (firmware/services/sip.c: channel table, busy guard, counters,
 * diagnostics) with its protocol servers and platform model, unchanged, inside BL31, and gives
 * them the platform hooks they need from TF-A's own facilities:
 *   time     plat_time_ns() on the generic timer (CNTPCT_EL0 at CNTFRQ_EL0, which BL31's
 *            platform set-up programs)
 *   locks    TF-A's spinlock (glue/include/spinlock.h)
 *   console  plat_log() on TF-A's console; DIAG_EXIT's line on the console the platform
 *            registered for it (test builds)
 * It also turns TF-A's SMC arguments into the dispatcher's call and back, with the SMCCC rules
 * the reference firmware's entry applies (firmware/services/smccc.c): SMC32 arguments and
 * results are 32 bits, x0 is sign-extended.
 *
 * Diagnostic calls (DIAG_*) reach the dispatcher only in a test build (SMC_MBOX_DIAG=1); where
 * the dispatcher is built without them (FW_TEST_IMAGE unset) the check here is a second lock.
 *
 * Only TF-A's architecture, console and debug headers are included: its platform.h and psci.h
 * clash with the project's services.h (plat_system_reset, PSCI_E_*).
 */
#include <stdarg.h>
#include <stdio.h>

#include <arch_helpers.h>
#include <common/debug.h>
#include <drivers/console.h>

#include "board.h"
#include "diag.h"
#include "doorbell.h"
#include "services.h"
#include "smc_mbox.h"

#define NS_PER_S	1000000000ULL

static console_t *diag_console;

/* Every channel of the board inside the window the platform mapped. */
#define CHANNEL_FITS(id, dt_name, fid, off, sz, svc) && (uint64_t)(off) + (sz) <= shmem_size

int32_t smc_mbox_setup(uintptr_t shmem_base, size_t shmem_size, console_t *console)
{
	if (!(shmem_size != 0 BOARD_CHANNELS(CHANNEL_FITS))) {
		ERROR("smc-mbox: the board's channels do not fit in 0x%zx bytes\n", shmem_size);
		return -1;
	}
	diag_console = console;
	sip_init(shmem_base);
	INFO("smc-mbox: doorbells served, shared memory 0x%lx+0x%zx%s\n",
	     (unsigned long)shmem_base, shmem_size, SMC_MBOX_DIAG ? ", test build" : "");
	return 0;
}

/*
 * The whole diagnostic range, SiP 0xfe00..0xfeff in either calling convention, not a list
 * of today's IDs: a diagnostic added later is refused here too unless the build is a test
 * build (the reference firmware's production test checks the same range).
 */
static bool is_diag(uint32_t smc_fid)
{
	return (smc_fid & ~SMCCC_64 & ~0xffU) == BOARD_FID_DIAG_EXIT;
}

bool smc_mbox_owns(uint32_t smc_fid)
{
	if (!sip_service.implements(smc_fid))
		return false;
	return SMC_MBOX_DIAG || !is_diag(smc_fid);
}

void smc_mbox_call(uint32_t smc_fid, const uint64_t args[SMC_MBOX_NUM_ARGS],
		   uint64_t res[SMC_MBOX_NUM_RESULTS])
{
	struct smc_call call = { .fid = smc_fid, .is_64 = (smc_fid & SMCCC_64) != 0 };
	struct smc_result r = { .x0 = SMCCC_NOT_SUPPORTED };
	unsigned int i;

	for (i = 0; i < SMC_MBOX_NUM_ARGS; i++)
		call.arg[i] = call.is_64 ? args[i] : (uint32_t)args[i];
	if (smc_mbox_owns(smc_fid))
		sip_service.handle(&call, &r);
	res[0] = (uint64_t)r.x0;
	res[1] = call.is_64 ? r.x1 : (uint32_t)r.x1;
	res[2] = call.is_64 ? r.x2 : (uint32_t)r.x2;
	res[3] = call.is_64 ? r.x3 : (uint32_t)r.x3;
}

/*
 * ---- The platform hooks the dispatcher and the servers call (doorbell.h and services.h;
 * firmware/include/plat.h after the firmware's second pass). Those of PSCI and CPU power
 * (plat_cpu_park, plat_system_off, ...) are TF-A's own business: its PSCI serves Linux.
 */

uint64_t plat_time_ns(void)
{
	uint64_t cnt = read_cntpct_el0();
	uint64_t freq = read_cntfrq_el0();

	return cnt / freq * NS_PER_S + cnt % freq * NS_PER_S / freq;
}

/* TF-A's log (its boot and runtime console), for the dispatcher's and servers' messages. */
void plat_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vprintf(fmt, ap);
	va_end(ap);
}

#if SMC_MBOX_DIAG
/* DIAG_MEM_ATTR and DIAG_TRAP (include/diag.h), with TF-A's own helpers: test builds only. */
uint64_t plat_translate(uint64_t addr, bool write)
{
	if (write)	/* TF-A 2.8's arch_helpers.h has no ats1e3w() */
		__asm__ volatile("at s1e3w, %0" : : "r"(addr));
	else
		ats1e3r(addr);
	isb();
	return read_par_el1();
}

void plat_trap_fp(void)
{
	write_cptr_el3(read_cptr_el3() | TFP_BIT);
	isb();
}
#endif

/* DIAG_EXIT: only reachable in a test build (smc_mbox_owns() refuses it otherwise). */
void plat_exit(uint32_t code)
{
#if SMC_MBOX_DIAG
	char line[64];
	int i, n;

	n = snprintf(line, sizeof(line), "%s %u\r\n", BOARD_EXIT_MARKER, code);
	if (diag_console) {
		for (i = 0; i < n && line[i]; i++)
			(void)diag_console->putc(line[i], diag_console);
		diag_console->flush(diag_console);
	}
	plat_smc_mbox_exit();
#else
	(void)code;
	panic();
#endif
}
