// SPDX-License-Identifier: BSD-3-Clause
/*
 * PSCI 1.1 for a flat system of up to PSCI_MAX_CPUS cores: CPU_ON/OFF, AFFINITY_INFO,
 * SYSTEM_OFF/RESET, FEATURES, and CPU_SUSPEND's core standby (the one state PSCI 1.x makes
 * mandatory; the board's device tree describes no idle states, so Linux does not ask for more).
 *
 * A CPU that is off waits in the platform's pen. CPU_ON records the entry point under the lock
 * and wakes the target; the target takes the request (psci_take_on_request) and enters the
 * non-secure world. The OS never names an address the firmware writes: only an entry point,
 * checked to be non-secure RAM that the firmware does not own.
 */
#include "services.h"
#include "spinlock.h"
#include "board.h"

#define PSCI_MAX_CPUS 8

struct psci_cpu {
	enum psci_cpu_state state;
	uint64_t entry;
	uint64_t context_id;
};

static struct {
	spinlock_t lock;
	uint32_t present;	/* CPUs that have reached the firmware: CPU n is bit n */
	uint64_t ns_base, ns_end;
	struct psci_cpu cpu[PSCI_MAX_CPUS];
} psci;

void psci_init(unsigned int ncpus, unsigned int boot_cpu, uint64_t ns_base, uint64_t ns_size)
{
	unsigned int i;

	psci.present = 0;
	for (i = 0; i < ncpus && i < PSCI_MAX_CPUS; i++)
		psci.present |= 1U << i;
	psci.present |= 1U << boot_cpu;
	psci.ns_base = ns_base;
	psci.ns_end = ns_base + ns_size;
	for (i = 0; i < PSCI_MAX_CPUS; i++)
		psci.cpu[i].state = i == boot_cpu ? PSCI_STATE_ON : PSCI_STATE_OFF;
}

static bool cpu_present(unsigned int cpu)
{
	return cpu < PSCI_MAX_CPUS && (__atomic_load_n(&psci.present, __ATOMIC_ACQUIRE) >> cpu & 1);
}

/*
 * A secondary CPU has reached the pen: from now on PSCI knows it exists. The firmware counts
 * the CPUs that arrive rather than reading a device tree: whatever QEMU (or silicon) started
 * is what CPU_ON and AFFINITY_INFO may name.
 */
void psci_cpu_arrived(unsigned int cpu)
{
	if (cpu < PSCI_MAX_CPUS)
		__atomic_fetch_or(&psci.present, 1U << cpu, __ATOMIC_RELEASE);
}

enum psci_cpu_state psci_cpu_state(unsigned int cpu)
{
	return cpu_present(cpu) ? psci.cpu[cpu].state : PSCI_STATE_OFF;
}

static bool entry_is_valid(uint64_t ep)
{
	if (ep & 3)
		return false;			/* not an A64 instruction address */
	if (ep < psci.ns_base || ep >= psci.ns_end)
		return false;			/* not non-secure RAM */
	if (ep >= BOARD_NS_FW_BASE && ep < BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE)
		return false;			/* the firmware's own non-secure region */
	return true;
}

static int target_cpu(uint64_t mpidr)
{
	int cpu = plat_mpidr_to_cpu(mpidr);

	return cpu >= 0 && cpu_present((unsigned int)cpu) ? cpu : -1;
}

static int64_t psci_cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context_id)
{
	int cpu = target_cpu(mpidr);
	int64_t ret = PSCI_E_SUCCESS;

	if (cpu < 0)
		return PSCI_E_INVALID_PARAMS;
	if (!entry_is_valid(entry))
		return PSCI_E_INVALID_ADDRESS;

	spin_lock(&psci.lock);
	switch (psci.cpu[cpu].state) {
	case PSCI_STATE_ON:
		ret = PSCI_E_ALREADY_ON;
		break;
	case PSCI_STATE_ON_PENDING:
		ret = PSCI_E_ON_PENDING;
		break;
	case PSCI_STATE_OFF:
		psci.cpu[cpu].entry = entry;
		psci.cpu[cpu].context_id = context_id;
		psci.cpu[cpu].state = PSCI_STATE_ON_PENDING;
		break;
	}
	spin_unlock(&psci.lock);

	if (ret == PSCI_E_SUCCESS)
		plat_wake_cpu((unsigned int)cpu);
	return ret;
}

bool psci_take_on_request(unsigned int cpu, uint64_t *entry, uint64_t *context_id)
{
	bool taken = false;

	if (!cpu_present(cpu))
		return false;
	spin_lock(&psci.lock);
	if (psci.cpu[cpu].state == PSCI_STATE_ON_PENDING) {
		*entry = psci.cpu[cpu].entry;
		*context_id = psci.cpu[cpu].context_id;
		psci.cpu[cpu].state = PSCI_STATE_ON;
		taken = true;
	}
	spin_unlock(&psci.lock);
	return taken;
}

static void psci_cpu_off(void)
{
	unsigned int cpu = plat_current_cpu();

	spin_lock(&psci.lock);
	psci.cpu[cpu].state = PSCI_STATE_OFF;
	spin_unlock(&psci.lock);
	plat_cpu_park();
}

/*
 * power_state in the original format (PSCI 1.1, 5.4.2): StateID [15:0], StateType [16]
 * (0 standby, 1 power-down), PowerLevel [25:24]; other bits zero. The one state served is
 * the core's standby (type 0, level 0, StateID 0): wait for a wake-up event, return SUCCESS
 * with the core's state intact. Anything else is INVALID_PARAMETERS (5.4.2: a power_state
 * the implementation does not support).
 */
static int64_t psci_cpu_suspend(uint64_t power_state)
{
	if (power_state != PSCI_POWER_STATE_CORE_STANDBY)
		return PSCI_E_INVALID_PARAMS;
	plat_cpu_standby();
	return PSCI_E_SUCCESS;
}

static int64_t psci_affinity_info(uint64_t mpidr, uint64_t lowest_level)
{
	int cpu = target_cpu(mpidr);

	if (cpu < 0 || lowest_level != 0)
		return PSCI_E_INVALID_PARAMS;
	return psci.cpu[cpu].state;
}

static bool psci_implements(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON:
	case PSCI_FN64(PSCI_CPU_ON):
	case PSCI_AFFINITY_INFO:
	case PSCI_FN64(PSCI_AFFINITY_INFO):
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
		return true;
	default:
		return false;
	}
}

static void psci_handle(const struct smc_call *call, struct smc_result *res)
{
	const uint64_t *a = call->arg;

	switch (call->fid) {
	case PSCI_VERSION:
		res->x0 = PSCI_VERSION_1_1;
		break;
	case PSCI_CPU_ON:
	case PSCI_FN64(PSCI_CPU_ON):
		res->x0 = psci_cpu_on(a[0], a[1], a[2]);
		break;
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
		res->x0 = psci_cpu_suspend(a[0]);
		break;
	case PSCI_CPU_OFF:
		psci_cpu_off();
		break;
	case PSCI_AFFINITY_INFO:
	case PSCI_FN64(PSCI_AFFINITY_INFO):
		res->x0 = psci_affinity_info(a[0], a[1]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		res->x0 = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_SYSTEM_OFF:
		plat_log("psci: SYSTEM_OFF\n");
		plat_system_off();
	case PSCI_SYSTEM_RESET:
		plat_log("psci: SYSTEM_RESET\n");
		plat_system_reset();
	case PSCI_FEATURES:
		/* CPU_SUSPEND: flags 0, the original power_state format, no OS-initiated mode. */
		res->x0 = smccc_implements((uint32_t)a[0], call->from_aarch32) ? PSCI_E_SUCCESS
									       : PSCI_E_NOT_SUPPORTED;
		break;
	default:
		res->x0 = PSCI_E_NOT_SUPPORTED;
		break;
	}
}

const struct smc_service psci_service = {
	.name = "psci",
	.owner = OWNER_STD,
	.handle = psci_handle,
	.implements = psci_implements,
};
