// SPDX-License-Identifier: BSD-3-Clause
/* Which service owns which SMCCC owner number. Anything not listed is NOT_SUPPORTED. */
#include "services.h"

const struct smc_service *const smc_services[] = {
	&arch_service,
	&psci_service,
	&sip_service,
};

const unsigned int smc_service_count = sizeof(smc_services) / sizeof(smc_services[0]);
