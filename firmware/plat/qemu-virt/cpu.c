// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform hooks that name, wake and time CPUs on QEMU virt (include/plat.h): which CPU
 * is running, which CPU an MPIDR names, waking the pen, and the generic timer as time.
 */
#include <stdint.h>

#include "arch.h"
#include "plat.h"
#include "platform_def.h"

unsigned int plat_current_cpu(void)
{
	return read_sysreg(mpidr_el1) & 0xff;
}

/*
 * PSCI's target_cpu holds only MPIDR affinity fields; every other bit must be zero. QEMU virt
 * numbers its (at most 8 GICv2) CPUs in Aff0, so anything above Aff0 names no CPU.
 */
int plat_mpidr_to_cpu(uint64_t mpidr)
{
	if (mpidr & ~0xffULL)
		return -1;
	return mpidr < PLAT_MAX_CPUS ? (int)mpidr : -1;
}

void plat_wake_cpu(unsigned int cpu)
{
	(void)cpu;
	dsb();
	sev();
}

uint64_t plat_time_ns(void)
{
	return read_sysreg(cntpct_el0) * (1000000000ULL / PLAT_CNTFRQ_HZ);
}
