// SPDX-License-Identifier: BSD-3-Clause
/*
 * Arm architecture calls (owner 0): SMCCC_VERSION, SMCCC_ARCH_FEATURES and the Spectre
 * workarounds. What a workaround call answers depends on the core (plat_arch_workaround(),
 * which follows TF-A's lib/cpus errata tables); Linux asks ARCH_FEATURES first and calls the
 * workaround only when told 0 (arch/arm64/kernel/proton-pack.c).
 */
#include "services.h"

static bool is_workaround(uint32_t fid)
{
	return fid == SMCCC_ARCH_WORKAROUND_1 || fid == SMCCC_ARCH_WORKAROUND_2 ||
	       fid == SMCCC_ARCH_WORKAROUND_3;
}

static bool arch_implements(uint32_t fid)
{
	return fid == SMCCC_VERSION || fid == SMCCC_ARCH_FEATURES ||
	       (is_workaround(fid) && plat_arch_workaround(fid) != SMCCC_NOT_SUPPORTED);
}

/* ARCH_FEATURES(@fid): 0 implemented; for a workaround, the core's answer. */
static int64_t arch_features(uint32_t fid, bool from_aarch32)
{
	if (is_workaround(fid))
		return plat_arch_workaround(fid);
	return smccc_implements(fid, from_aarch32) ? SMCCC_SUCCESS : SMCCC_NOT_SUPPORTED;
}

static void arch_handle(const struct smc_call *call, struct smc_result *res)
{
	switch (call->fid) {
	case SMCCC_VERSION:
		res->x0 = SMCCC_VERSION_1_1;
		break;
	case SMCCC_ARCH_FEATURES:
		res->x0 = arch_features((uint32_t)call->arg[0], call->from_aarch32);
		break;
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_3:
		/* The mitigation ran on the way in (the core's EL3 vectors): nothing left to do. */
		res->x0 = plat_arch_workaround(call->fid) == SMCCC_SUCCESS ? SMCCC_SUCCESS
									   : SMCCC_NOT_SUPPORTED;
		break;
	default:
		res->x0 = SMCCC_NOT_SUPPORTED;
		break;
	}
}

const struct smc_service arch_service = {
	.name = "arm-arch",
	.owner = OWNER_ARCH,
	.handle = arch_handle,
	.implements = arch_implements,
};
