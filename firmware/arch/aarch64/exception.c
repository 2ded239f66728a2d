// SPDX-License-Identifier: BSD-3-Clause
/*
 * The C side of the EL3 vectors (vectors.S), as TF-A's bl31 runtime entry: an SMC from a
 * lower EL goes to the SMCCC dispatcher; anything else is a trap or fault the firmware did
 * not expect, reported in one line before the machine stops. The platform never sees an SMC.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "plat.h"
#include "smccc.h"

void smc_handler(struct smc_regs *regs, bool from_aarch32);
void unexpected_exception(uint64_t vector, uint64_t esr, uint64_t elr);

void smc_handler(struct smc_regs *regs, bool from_aarch32)
{
	uint64_t ec = ESR_EC(read_sysreg(esr_el3));

	/*
	 * Anything but an SMC is a trap the EL3 set-up failed to disable (cpu_features.c): stop
	 * the machine with one clear line rather than park a CPU that PSCI still reports ON.
	 */
	if (ec != (from_aarch32 ? EC_SMC32 : EC_SMC64)) {
		plat_log("firmware: unexpected trap from lower EL on CPU %u, ESR %lx ELR %lx\n",
			 plat_current_cpu(), (unsigned long)read_sysreg(esr_el3),
			 (unsigned long)read_sysreg(elr_el3));
		plat_panic("unexpected trap from a lower EL");
	}
	smccc_dispatch(regs, from_aarch32);
}

void unexpected_exception(uint64_t vector, uint64_t esr, uint64_t elr)
{
	plat_log("firmware: unexpected exception, vector %lu ESR %lx ELR %lx\n",
		 (unsigned long)vector, (unsigned long)esr, (unsigned long)elr);
	plat_panic("unexpected exception at EL3");
}
