// SPDX-License-Identifier: BSD-3-Clause
/* Arm architecture calls (owner 0): SMCCC_VERSION and SMCCC_ARCH_FEATURES. */
#include "services.h"

static bool arch_implements(uint32_t fid)
{
	return fid == SMCCC_VERSION || fid == SMCCC_ARCH_FEATURES;
}

static void arch_handle(const struct smc_call *call, struct smc_result *res)
{
	switch (call->fid) {
	case SMCCC_VERSION:
		res->x0 = SMCCC_VERSION_1_1;
		break;
	case SMCCC_ARCH_FEATURES:
		/* Workarounds (ARCH_WORKAROUND_*) are not implemented: QEMU needs none. */
		res->x0 = smccc_implements((uint32_t)call->arg[0]) ? SMCCC_SUCCESS
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
