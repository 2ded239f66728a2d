// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC front door: every SMC (and every HVC the EL2 stub forwards) arrives here.
 * Generic checks run once, before any service: calling convention, then owner lookup.
 * Unknown -> NOT_SUPPORTED. x0..x3 are always written; x4..x17 are untouched (SMCCC 1.1).
 */
#include <stddef.h>

#include "smccc.h"

static const struct smc_service *find_service(uint32_t fid)
{
	unsigned int i;

	for (i = 0; i < smc_service_count; i++)
		if (smc_services[i]->owner == SMCCC_OWNER(fid))
			return smc_services[i];
	return NULL;
}

/* Is the function ID well formed for a fast call this firmware could serve? */
static bool fid_is_valid(uint32_t fid, bool from_aarch32)
{
	if (!(fid & SMCCC_FAST))
		return false;	/* yielding calls need a trusted OS; there is none */
	if (SMCCC_FAST_MBZ(fid))
		return false;	/* bits 23:16 are reserved in fast calls */
	if ((fid & SMCCC_64) && from_aarch32)
		return false;	/* an AArch32 caller cannot make an SMC64 call */
	return true;
}

bool smccc_implements(uint32_t fid, bool from_aarch32)
{
	const struct smc_service *svc;

	if (!fid_is_valid(fid, from_aarch32))
		return false;
	svc = find_service(fid);
	return svc && svc->implements(fid);
}

void smccc_dispatch(struct smc_regs *regs, bool from_aarch32)
{
	struct smc_result res = { .x0 = SMCCC_NOT_SUPPORTED };
	struct smc_call call;
	const struct smc_service *svc;
	unsigned int i;

	call.fid = (uint32_t)regs->x[0];
	call.is_64 = call.fid & SMCCC_64;
	call.from_aarch32 = from_aarch32;
	for (i = 0; i < 7; i++)
		call.arg[i] = call.is_64 ? regs->x[i + 1] : (uint32_t)regs->x[i + 1];

	if (fid_is_valid(call.fid, from_aarch32)) {
		svc = find_service(call.fid);
		if (svc)
			svc->handle(&call, &res);
	}

	/* x0 is sign-extended: Linux compares it with (long)-1 even for SMC32 calls. */
	regs->x[0] = (uint64_t)res.x0;
	regs->x[1] = call.is_64 ? res.x1 : (uint32_t)res.x1;
	regs->x[2] = call.is_64 ? res.x2 : (uint32_t)res.x2;
	regs->x[3] = call.is_64 ? res.x3 : (uint32_t)res.x3;
}
