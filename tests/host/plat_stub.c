// SPDX-License-Identifier: BSD-3-Clause
/* The platform hooks for host tests and fuzz harnesses: see plat_stub.h. */
#include <stdarg.h>

#include "diag.h"
#include "plat_stub.h"
#include "smccc.h"

struct plat_stub plat_stub;
jmp_buf plat_stub_noreturn;

void plat_stub_reset(void)
{
	plat_stub = (struct plat_stub){
		.last_woken = -1,
		/* as plat/qemu-virt answers for a Cortex-A57 */
		.workaround = { SMCCC_SUCCESS, SMCCC_WA_NOT_REQUIRED, SMCCC_SUCCESS },
	};
}

static void __attribute__((noreturn)) no_return(const char *what)
{
	plat_stub.noreturn = what;
	longjmp(plat_stub_noreturn, 1);
}

unsigned int plat_current_cpu(void)
{
	return plat_stub.cpu;
}

int plat_mpidr_to_cpu(uint64_t mpidr)
{
	return mpidr < 8 ? (int)mpidr : -1;	/* as on QEMU virt: CPUs in Aff0 only */
}

void plat_wake_cpu(unsigned int cpu)
{
	uint32_t bit = cpu < 32 ? 1U << cpu : 0;

	plat_stub.woken_again += !bit || (plat_stub.woken & bit);
	plat_stub.woken |= bit;
	plat_stub.last_woken = (int)cpu;
}

void plat_cpu_park(void) { no_return("park"); }
void plat_system_off(void) { no_return("off"); }
void plat_system_reset(void) { no_return("reset"); }
void plat_panic(const char *why) { no_return(why); }
void plat_cpu_standby(void) { plat_stub.standbys++; }
void plat_log(const char *fmt, ...) { (void)fmt; }

int64_t plat_arch_workaround(uint32_t fid)
{
	switch (fid) {
	case SMCCC_ARCH_WORKAROUND_1: return plat_stub.workaround[0];
	case SMCCC_ARCH_WORKAROUND_2: return plat_stub.workaround[1];
	case SMCCC_ARCH_WORKAROUND_3: return plat_stub.workaround[2];
	}
	return SMCCC_NOT_SUPPORTED;
}

uint64_t plat_time_ns(void)
{
	return plat_stub.time_ns += plat_stub.time_step_ns;
}

#ifdef FW_TEST_IMAGE
void plat_exit(uint32_t code)
{
	plat_stub.exit_code = code;
	no_return("exit");
}

/* A PAR_EL1 as a Normal write-back mapping of @addr would give. */
uint64_t plat_translate(uint64_t addr, bool write)
{
	plat_stub.translated = addr;
	plat_stub.translated_write = write;
	return 0xff00000000000800ULL | (addr & ~0xfffULL);
}

void plat_trap_fp(void)
{
	plat_stub.traps++;
}
#endif
