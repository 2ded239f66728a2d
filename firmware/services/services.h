/* SPDX-License-Identifier: BSD-3-Clause */
/* The runtime services: their table, PSCI's wire constants and API, the SiP set-up. */
#ifndef SERVICES_H
#define SERVICES_H

#include <stdbool.h>
#include <stdint.h>

#include "plat.h"
#include "smccc.h"

extern const struct smc_service arch_service;
extern const struct smc_service psci_service;
extern const struct smc_service sip_service;

/* ---- PSCI (services/psci.c) ---- */
#define PSCI_VERSION		0x84000000U
#define PSCI_CPU_SUSPEND	0x84000001U
#define PSCI_CPU_OFF		0x84000002U
#define PSCI_CPU_ON		0x84000003U
#define PSCI_AFFINITY_INFO	0x84000004U
#define PSCI_MIGRATE_INFO_TYPE	0x84000006U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U
#define PSCI_FEATURES		0x8400000aU
#define PSCI_FN64(fid)		((fid) | SMCCC_64)

#define PSCI_VERSION_1_1	0x10001
#define PSCI_E_SUCCESS		0
#define PSCI_E_NOT_SUPPORTED	(-1)
#define PSCI_E_INVALID_PARAMS	(-2)
#define PSCI_E_DENIED		(-3)
#define PSCI_E_ALREADY_ON	(-4)
#define PSCI_E_ON_PENDING	(-5)
#define PSCI_E_INVALID_ADDRESS	(-9)

#define PSCI_TOS_NOT_PRESENT_MP	2

/* CPU_SUSPEND's power_state (original format): the core-level standby, StateID 0. */
#define PSCI_POWER_STATE_CORE_STANDBY	0x0

enum psci_cpu_state { PSCI_STATE_ON = 0, PSCI_STATE_OFF = 1, PSCI_STATE_ON_PENDING = 2 };

/* Boot: CPUs 0..@ncpus-1 and @boot_cpu present, @boot_cpu already on; non-secure entry points
 * must be in [ns_base, ns_base + ns_size) and outside the firmware's own non-secure region. */
void psci_init(unsigned int ncpus, unsigned int boot_cpu, uint64_t ns_base, uint64_t ns_size);
/* A secondary CPU reached the pen: it exists (boot.c calls this once per CPU, at boot). */
void psci_cpu_arrived(unsigned int cpu);

/* A parked CPU asks whether it has been turned on; fills entry and context id if so. */
bool psci_take_on_request(unsigned int cpu, uint64_t *entry, uint64_t *context_id);
enum psci_cpu_state psci_cpu_state(unsigned int cpu);

/* ---- SiP doorbells (services/sip.c) ---- */
void sip_init(uintptr_t shmem_base);

#endif
