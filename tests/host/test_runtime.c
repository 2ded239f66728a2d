// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests of the firmware's runtime services: SMCCC function-ID checks and dispatch,
 * PSCI, and the SiP doorbell table, through the same entry point the EL3 vectors use
 * (smccc_dispatch). The platform hooks are plat_stub.c's; the protocol servers are stubs here.
 */
#include <string.h>

#include "board.h"
#include "diag.h"
#include "doorbell.h"
#include "plat_stub.h"
#include "services.h"
#include "test.h"

/* ---- the protocol servers: stubs that record their calls ---- */
static uint8_t shmem[BOARD_SHMEM_SIZE];
static int scpi_calls;

static struct smc_regs call_regs(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);

struct db_reply scpi_serve(volatile uint8_t *mem, size_t size)
{
	(void)size;
	scpi_calls++;
	if (mem[0] == 0xbb) {	/* a second CPU rings the same doorbell meanwhile */
		struct smc_regs r = call_regs(BOARD_SIP_FID(0x01), 0, 0, 0);

		smccc_dispatch(&r, false);
		mem[1] = (uint8_t)r.x[0];
	}
	if (mem[0] == 0xfa) {	/* a test arms a fault meanwhile, from another CPU */
		struct smc_regs r = call_regs(BOARD_FID_DIAG_FAULT, 0, 1, 1);

		r.x[4] = 0;
		smccc_dispatch(&r, false);
		mem[1] = (uint8_t)r.x[0];
	}
	if (mem[0] == 0xee)
		return (struct db_reply){ .sent = false };
	return (struct db_reply){ .sent = true, .failed = mem[0] == 0xef };
}

static int scmi_calls;

void scmi_channel_init(volatile uint8_t *mem, size_t size)
{
	(void)mem; (void)size;
}

struct db_reply scmi_serve(volatile uint8_t *mem, size_t size)
{
	(void)mem; (void)size;
	scmi_calls++;
	return (struct db_reply){ .sent = true };
}

int scmi_reset_line_state(uint64_t line, uint32_t *asserted, uint32_t *resets)
{
	*asserted = 1;
	*resets = 7;
	return line != 2;	/* one line here: 2 */
}

/* ---- helpers ---- */
static struct smc_regs call_regs(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_regs r;
	unsigned int i;

	for (i = 0; i < 19; i++)
		r.x[i] = 0xdead0000 + i;	/* garbage that must not come back as results */
	r.x30 = 0x3030;
	r.x[0] = fid;
	r.x[1] = a1;
	r.x[2] = a2;
	r.x[3] = a3;
	return r;
}

static int64_t call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_regs r = call_regs(fid, a1, a2, a3);

	smccc_dispatch(&r, false);
	return (int64_t)r.x[0];
}

static void reset(void)
{
	psci_init(2, 0, BOARD_NS_RAM_BASE, 0x40000000);
	sip_init((uintptr_t)shmem);
	plat_stub_reset();
	plat_stub.time_step_ns = 1000;	/* 1 us a reading */
	memset(shmem, 0, sizeof(shmem));
}

/* ---- SMCCC ---- */
static void t_smccc_version_is_1_1(void)
{
	CHECK(call(SMCCC_VERSION, 0, 0, 0) == 0x10001);
}

static void t_unknown_fid_is_not_supported_with_clean_results(void)
{
	struct smc_regs r = call_regs(0x83000042, 1, 2, 3);	/* OEM: nobody serves it */
	unsigned int i;

	smccc_dispatch(&r, false);
	CHECK(r.x[0] == (uint64_t)-1);	/* sign-extended even for an SMC32 call */
	CHECK(r.x[1] == 0 && r.x[2] == 0 && r.x[3] == 0);
	for (i = 4; i < 19; i++)
		CHECK(r.x[i] == 0xdead0000 + i);	/* x4..x18 preserved */
	CHECK(r.x30 == 0x3030);
}

static void t_fast_call_with_bits_23_16_set_is_not_supported(void)
{
	CHECK(call(PSCI_VERSION | (1U << 16), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(call(PSCI_VERSION | (0x80U << 16), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
}

static void t_yielding_call_is_not_supported(void)
{
	CHECK(call(PSCI_VERSION & ~SMCCC_FAST, 0, 0, 0) == SMCCC_NOT_SUPPORTED);
}

static void t_smc64_from_aarch32_is_not_supported(void)
{
	struct smc_regs r = call_regs(PSCI_FN64(PSCI_AFFINITY_INFO), 0, 0, 0);

	smccc_dispatch(&r, true);
	CHECK(r.x[0] == (uint64_t)-1);
	r = call_regs(PSCI_AFFINITY_INFO, 0, 0, 0);	/* the SMC32 twin is fine */
	smccc_dispatch(&r, true);
	CHECK(r.x[0] == PSCI_STATE_ON);
}

static void t_smc32_arguments_are_truncated(void)
{
	/* Upper halves of w-register arguments are ignored: 0xffffffff00000000 | 0 is CPU 0. */
	CHECK(call(PSCI_AFFINITY_INFO, 0xffffffff00000000ULL, 0xffffffff00000000ULL, 0) ==
	      PSCI_STATE_ON);
	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 0xffffffff00000000ULL, 0, 0) ==
	      PSCI_E_INVALID_PARAMS);
}

static void t_arch_features_reports_implemented_calls(void)
{
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0) == 0);
	CHECK(call(SMCCC_ARCH_FEATURES, 0x80000002, 0, 0) == SMCCC_NOT_SUPPORTED); /* SOC_ID */
}

/* ---- PSCI ---- */
static void t_psci_version_is_1_1(void)
{
	CHECK(call(PSCI_VERSION, 0, 0, 0) == 0x10001);
}

static void t_psci_features(void)
{
	CHECK(call(PSCI_FEATURES, PSCI_CPU_ON, 0, 0) == 0);
	CHECK(call(PSCI_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0) == 0);
	CHECK(call(PSCI_FEATURES, SMCCC_VERSION, 0, 0) == 0);
	CHECK(call(PSCI_FEATURES, PSCI_CPU_SUSPEND, 0, 0) == 0);	/* original format, no OSI */
	CHECK(call(PSCI_FEATURES, PSCI_FN64(PSCI_CPU_SUSPEND), 0, 0) == 0);
	CHECK(call(PSCI_FEATURES, 0x8400001f, 0, 0) == PSCI_E_NOT_SUPPORTED);
	CHECK(call(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0) == PSCI_TOS_NOT_PRESENT_MP);
}

/* PSCI 1.1 5.4: CPU_SUSPEND's core standby returns SUCCESS; other power states are refused. */
static void t_cpu_suspend_standby_returns_success(void)
{
	CHECK(call(PSCI_CPU_SUSPEND, 0, 0, 0) == PSCI_E_SUCCESS);
	CHECK(plat_stub.standbys == 1);
	CHECK(call(PSCI_FN64(PSCI_CPU_SUSPEND), 0, 0x40200000, 0) == PSCI_E_SUCCESS);
	CHECK(plat_stub.standbys == 2);
	CHECK(call(PSCI_CPU_SUSPEND, 1U << 16, 0, 0) == PSCI_E_INVALID_PARAMS);	/* power-down */
	CHECK(call(PSCI_CPU_SUSPEND, 1U << 24, 0, 0) == PSCI_E_INVALID_PARAMS);	/* cluster */
	CHECK(call(PSCI_CPU_SUSPEND, 5, 0, 0) == PSCI_E_INVALID_PARAMS);	/* StateID */
	CHECK(call(PSCI_CPU_SUSPEND, 1U << 30, 0, 0) == PSCI_E_INVALID_PARAMS);	/* reserved */
	CHECK(plat_stub.noreturn == NULL);
	CHECK(psci_cpu_state(0) == PSCI_STATE_ON);
}

/* FEATURES never offers an AArch32 caller an SMC64 function it could not call. */
static void t_features_offer_aarch32_callers_no_smc64(void)
{
	struct smc_regs r;

	r = call_regs(SMCCC_ARCH_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0);
	smccc_dispatch(&r, true);
	CHECK(r.x[0] == (uint64_t)SMCCC_NOT_SUPPORTED);
	r = call_regs(PSCI_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0);
	smccc_dispatch(&r, true);
	CHECK(r.x[0] == (uint64_t)PSCI_E_NOT_SUPPORTED);
	r = call_regs(PSCI_FEATURES, PSCI_CPU_ON, 0, 0);		/* the SMC32 twin is offered */
	smccc_dispatch(&r, true);
	CHECK(r.x[0] == 0);
	CHECK(call(PSCI_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0) == 0);	/* AArch64: offered */
	CHECK(call(SMCCC_ARCH_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0) == 0);
}

/* SMCCC 1.1+: ARCH_FEATURES gives the core's answer for each workaround (DEN0028 7.5-7.7). */
static void t_arch_workarounds_answer_as_the_core_needs(void)
{
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1, 0, 0) == 0);
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_2, 0, 0) == SMCCC_WA_NOT_REQUIRED);
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_3, 0, 0) == 0);
	CHECK(call(SMCCC_ARCH_WORKAROUND_1, 0, 0, 0) == 0);
	CHECK(call(SMCCC_ARCH_WORKAROUND_3, 0, 0, 0) == 0);
	CHECK(call(PSCI_FEATURES, SMCCC_ARCH_WORKAROUND_1, 0, 0) == 0);
	plat_stub.workaround[0] = SMCCC_WA_UNAFFECTED;	/* a core that needs no mitigation */
	plat_stub.workaround[2] = SMCCC_NOT_SUPPORTED;
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1, 0, 0) == SMCCC_WA_UNAFFECTED);
	CHECK(call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_3, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(call(SMCCC_ARCH_WORKAROUND_1, 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(call(SMCCC_ARCH_WORKAROUND_3, 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	plat_stub.workaround[0] = SMCCC_SUCCESS;
	plat_stub.workaround[2] = SMCCC_SUCCESS;
}

static void t_cpu_on_entry_outside_ns_ram_is_invalid_address(void)
{
	const uint32_t on = PSCI_FN64(PSCI_CPU_ON);

	CHECK(call(on, 1, 0x0e000000, 0) == PSCI_E_INVALID_ADDRESS);	/* secure RAM */
	CHECK(call(on, 1, 0x0, 0) == PSCI_E_INVALID_ADDRESS);		/* flash */
	CHECK(call(on, 1, 0x80000000, 0) == PSCI_E_INVALID_ADDRESS);	/* past RAM */
	CHECK(call(on, 1, BOARD_SHMEM_BASE, 0) == PSCI_E_INVALID_ADDRESS); /* firmware's own */
	CHECK(call(on, 1, BOARD_NS_FW_BASE + 0x800, 0) == PSCI_E_INVALID_ADDRESS);
	CHECK(call(on, 1, 0x40200002, 0) == PSCI_E_INVALID_ADDRESS);	/* misaligned */
	CHECK(plat_stub.last_woken == -1 && psci_cpu_state(1) == PSCI_STATE_OFF);
}

static void t_cpu_on_bad_target_is_invalid_params(void)
{
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 2, 0x40200000, 0) == PSCI_E_INVALID_PARAMS);
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 0x101, 0x40200000, 0) == PSCI_E_INVALID_PARAMS);
	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 1, 1, 0) == PSCI_E_INVALID_PARAMS);
}

static void t_cpu_on_life_cycle(void)
{
	uint64_t entry = 0, ctx = 0;

	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 1, 0, 0) == PSCI_STATE_OFF);
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 0, 0x40200000, 0) == PSCI_E_ALREADY_ON);
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 1, 0x40200000, 0x1234) == PSCI_E_SUCCESS);
	CHECK(plat_stub.last_woken == 1);
	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 1, 0, 0) == PSCI_STATE_ON_PENDING);
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 1, 0x40200000, 0) == PSCI_E_ON_PENDING);
	CHECK(!psci_take_on_request(0, &entry, &ctx));
	CHECK(psci_take_on_request(1, &entry, &ctx));
	CHECK(entry == 0x40200000 && ctx == 0x1234);
	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 1, 0, 0) == PSCI_STATE_ON);
	CHECK(call(PSCI_FN64(PSCI_CPU_ON), 1, 0x40200000, 0) == PSCI_E_ALREADY_ON);

	plat_stub.cpu = 1;	/* CPU 1 turns itself off: parked, state OFF */
	if (!setjmp(plat_stub_noreturn))
		call(PSCI_CPU_OFF, 0, 0, 0);
	CHECK(plat_stub.noreturn && !strcmp(plat_stub.noreturn, "park"));
	CHECK(call(PSCI_FN64(PSCI_AFFINITY_INFO), 1, 0, 0) == PSCI_STATE_OFF);
}

static void t_system_off_and_reset_reach_the_platform(void)
{
	if (!setjmp(plat_stub_noreturn))
		call(PSCI_SYSTEM_OFF, 0, 0, 0);
	CHECK(plat_stub.noreturn && !strcmp(plat_stub.noreturn, "off"));
	plat_stub.noreturn = NULL;
	if (!setjmp(plat_stub_noreturn))
		call(PSCI_SYSTEM_RESET, 0, 0, 0);
	CHECK(plat_stub.noreturn && !strcmp(plat_stub.noreturn, "reset"));
}

/* ---- SiP doorbells ---- */
static void t_unknown_sip_call_is_not_supported(void)
{
	CHECK(call(BOARD_SIP_FID(0x7777), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(call(BOARD_SIP_FID(0x01) | SMCCC_64, 0, 0, 0) == SMCCC_NOT_SUPPORTED);
}

static void t_doorbell_serves_and_counts(void)
{
	struct smc_regs r;
	int before = scpi_calls;

	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);
	shmem[0] = 0xef;	/* the server replies with a failure status: still served */
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);
	shmem[0] = 0;
	CHECK(scpi_calls == before + 2);
	r = call_regs(BOARD_FID_DIAG_COUNTERS, 0, 0, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 2 && r.x[2] == 1 && r.x[3] == 0);
}

static void t_malformed_request_is_refused_and_counted(void)
{
	struct smc_regs r;

	shmem[0] = 0xee;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == SMCCC_INVALID_PARAMS);
	shmem[0] = 0;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);	/* the channel keeps working */
	r = call_regs(BOARD_FID_DIAG_COUNTERS, 0, 0, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[1] == 1 && r.x[2] == 0 && r.x[3] == 1);	/* served, errors, malformed */
}

static void t_second_cpu_on_a_busy_channel_is_refused(void)
{
	shmem[0] = 0xbb;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);
	CHECK((int8_t)shmem[1] == SMCCC_BUSY);
	shmem[0] = 0;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);	/* the guard was released */
}

static void t_register_mode_echo_counts_each_message(void)
{
	struct smc_regs r = call_regs(BOARD_SIP_FID(0x20), 0x1111, 0x2222, 0);

	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 0x1111 && r.x[2] == 0x2222 && r.x[3] == 1);
	r = call_regs(BOARD_SIP_FID(0x20), 5, 6, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[3] == 2);
}

/* The board's channel count, counted from its own table: one "+1" per BOARD_CHANNELS row. */
#define PLUS_ONE(...)	+1

static void t_diag_counters_bad_index_is_invalid(void)
{
	CHECK(call(BOARD_FID_DIAG_COUNTERS, 99, 0, 0) == SMCCC_INVALID_PARAMS);
	CHECK(call(BOARD_FID_DIAG_CHANNEL_COUNT, 0, 0, 0) == 0 BOARD_CHANNELS(PLUS_ONE));
}

/* DIAG_TIMING: the counter time spent in each served doorbell, and how many were timed. */
static void t_diag_timing_counts_served_doorbells(void)
{
	uint64_t before = plat_stub.time_ns;
	struct smc_regs r;

	CHECK(call(BOARD_SIP_FID(0x20), 1, 2, 0) == 0);
	CHECK(call(BOARD_SIP_FID(0x20), 3, 4, 0) == 0);
	r = call_regs(BOARD_FID_DIAG_TIMING, 4, 0, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[2] == 2);
	CHECK(r.x[1] >= 2 * 1000 && r.x[1] <= plat_stub.time_ns - before);	/* >= 1 us a doorbell */
	r = call_regs(BOARD_FID_DIAG_TIMING, 0, 0, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 0 && r.x[2] == 0);		/* another channel */
	CHECK(call(BOARD_FID_DIAG_TIMING, 99, 0, 0) == SMCCC_INVALID_PARAMS);
}

/* DIAG_RESET_LINE: what the SCMI server says of the line (stubbed above: only line 2). */
static void t_diag_reset_line_passes_the_line_state(void)
{
	struct smc_regs r = call_regs(BOARD_FID_DIAG_RESET_LINE, 2, 0, 0);

	CHECK(call(SMCCC_ARCH_FEATURES, BOARD_FID_DIAG_RESET_LINE, 0, 0) == 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 1 && r.x[2] == 7);
	CHECK(call(BOARD_FID_DIAG_RESET_LINE, 3, 0, 0) == SMCCC_INVALID_PARAMS);
}

static void t_diag_mem_attr_returns_the_translation(void)
{
	struct smc_regs r = call_regs(BOARD_FID_DIAG_MEM_ATTR, 0x40001234, 1, 0);

	CHECK(call(SMCCC_ARCH_FEATURES, BOARD_FID_DIAG_MEM_ATTR, 0, 0) == 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 0x40001800 && r.x[2] == 0xff000000);
	CHECK(plat_stub.translated == 0x40001234 && plat_stub.translated_write);
	CHECK(call(BOARD_FID_DIAG_MEM_ATTR, 0x1000, 0, 0) == 0 && !plat_stub.translated_write);
}

static void t_diag_trap_arms_the_platform_trap(void)
{
	uint64_t before = plat_stub.traps;

	CHECK(call(SMCCC_ARCH_FEATURES, BOARD_FID_DIAG_TRAP, 0, 0) == 0);
	CHECK(call(BOARD_FID_DIAG_TRAP, 0, 0, 0) == 0);
	CHECK(plat_stub.traps == before + 1);
}

static void t_diag_exit_ends_with_the_code(void)
{
	if (!setjmp(plat_stub_noreturn))
		call(BOARD_FID_DIAG_EXIT, 7, 0, 0);
	CHECK(plat_stub.noreturn && !strcmp(plat_stub.noreturn, "exit") && plat_stub.exit_code == 7);
}

/* ---- DIAG_FAULT ---- */
#define CH_SCPI_LOW	0
#define CH_SCMI_SMC	3
#define CH_TEST		4

static struct smc_regs fault_call(uint64_t ch, uint64_t mode, uint64_t count, uint64_t us)
{
	struct smc_regs r = call_regs(BOARD_FID_DIAG_FAULT, ch, mode, count);

	r.x[4] = us;
	smccc_dispatch(&r, false);
	return r;
}

static void counters_of(unsigned int ch, uint64_t *served, uint64_t *errors, uint64_t *bad)
{
	struct smc_regs r = call_regs(BOARD_FID_DIAG_COUNTERS, ch, 0, 0);

	smccc_dispatch(&r, false);
	*served = r.x[1];
	*errors = r.x[2];
	*bad = r.x[3];
}

static void t_diag_fault_is_implemented_and_checks_its_arguments(void)
{
	CHECK(call(SMCCC_ARCH_FEATURES, BOARD_FID_DIAG_FAULT, 0, 0) == 0);
	CHECK(fault_call(99, 1, 1, 0).x[0] == (uint64_t)SMCCC_INVALID_PARAMS);	/* channel */
	CHECK(fault_call(0, 4, 1, 0).x[0] == (uint64_t)SMCCC_INVALID_PARAMS);	/* mode */
	CHECK(fault_call(0, 1, 0, 0).x[0] == (uint64_t)SMCCC_INVALID_PARAMS);	/* no count */
	CHECK(fault_call(0, 2, 1, 1000001).x[0] == (uint64_t)SMCCC_INVALID_PARAMS); /* > 1 s */
	CHECK(fault_call(0, 0, 0, 0).x[0] == 0);		/* disarming needs no count */
	CHECK(call(BOARD_FID_DIAG_FAULT | SMCCC_64, 0, 1, 1) == SMCCC_NOT_SUPPORTED);
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);		/* nothing was armed */
}

static void t_fault_not_supported_serves_nothing_for_count_doorbells(void)
{
	struct smc_regs r;
	uint64_t served, errors, bad;
	int before = scpi_calls;

	r = fault_call(CH_SCPI_LOW, 1, 2, 0);
	CHECK(r.x[0] == 0 && r.x[1] == 0 && r.x[2] == 0);
	memset(shmem, 0x11, 0x1000);
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(scpi_calls == before);			/* the server never ran */
	CHECK(shmem[0] == 0x11 && shmem[0xfff] == 0x11);	/* shared memory untouched */
	counters_of(CH_SCPI_LOW, &served, &errors, &bad);
	CHECK(served == 0 && errors == 0 && bad == 0);
	shmem[0] = 0;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);	/* count used up: served again */
	CHECK(scpi_calls == before + 1);
	r = fault_call(CH_SCPI_LOW, 0, 0, 0);
	CHECK(r.x[0] == 0 && r.x[1] == 0 && r.x[2] == 2);	/* none left, two injected */
}

static void t_fault_is_per_channel(void)
{
	int before = scpi_calls;

	CHECK(fault_call(CH_SCMI_SMC, 1, 5, 0).x[0] == 0);
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);		/* scpi-low is not armed */
	CHECK(call(BOARD_SIP_FID(0x10), 0, 0, 0) == 0);		/* nor scmi-a2p */
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
	CHECK(scpi_calls == before + 1);
	CHECK(fault_call(CH_SCMI_SMC, 0, 0, 0).x[1] == 4);	/* disarm: four were left */
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == 0);
}

static void t_fault_late_serves_after_the_delay(void)
{
	uint64_t served, errors, bad, t0;
	int before = scmi_calls;

	CHECK(fault_call(CH_SCMI_SMC, 2, 1, 40000).x[0] == 0);	/* 40 ms */
	t0 = plat_stub.time_ns;
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == 0);
	CHECK(plat_stub.time_ns - t0 >= 40000000ULL && plat_stub.time_ns - t0 < 41000000ULL);
	CHECK(scmi_calls == before + 1);			/* served, late */
	counters_of(CH_SCMI_SMC, &served, &errors, &bad);
	CHECK(served == 1);
	t0 = plat_stub.time_ns;
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == 0);
	CHECK(plat_stub.time_ns - t0 < 1000000ULL);			/* the next one is on time */
	CHECK(fault_call(CH_SCMI_SMC, 2, 1, 0).x[0] == 0);	/* default: 50 ms */
	t0 = plat_stub.time_ns;
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == 0);
	CHECK(plat_stub.time_ns - t0 >= 50000000ULL && plat_stub.time_ns - t0 < 51000000ULL);
}

static void t_fault_garbage_writes_registers_and_reply_area(void)
{
	struct smc_regs r;
	uint64_t served, errors, bad;
	unsigned int i;
	int before = scmi_calls;

	memset(shmem + 0x3000, 0x11, 0x1000);
	CHECK(fault_call(CH_SCMI_SMC, 3, 1, 0).x[0] == 0);
	r = call_regs(BOARD_SIP_FID(0x11), 0, 0, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == (uint64_t)(int64_t)(int32_t)0xdeadbeef);	/* SMC32: sign-extended */
	CHECK(r.x[1] == 0xdeadbeef && r.x[2] == 0xdeadbeef && r.x[3] == 0xdeadbeef);
	for (i = 0; i < 64; i++)
		CHECK(shmem[0x3000 + i] == 0xa5);
	CHECK(shmem[0x3000 + 64] == 0x11 && shmem[0x2fff] == 0 && shmem[0x4000] == 0);
	CHECK(scmi_calls == before);
	counters_of(CH_SCMI_SMC, &served, &errors, &bad);
	CHECK(served == 0 && errors == 0 && bad == 0);
	CHECK(call(BOARD_SIP_FID(0x11), 0, 0, 0) == 0);
}

static void t_fault_garbage_on_a_register_mode_channel(void)
{
	struct smc_regs r;

	CHECK(fault_call(CH_TEST, 3, 1, 0).x[0] == 0);
	r = call_regs(BOARD_SIP_FID(0x20), 0x1111, 0x2222, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[1] == 0xdeadbeef && r.x[2] == 0xdeadbeef && r.x[3] == 0xdeadbeef);
	CHECK(shmem[0x4000] == 0);				/* no region to write */
	r = call_regs(BOARD_SIP_FID(0x20), 0x1111, 0x2222, 0);
	smccc_dispatch(&r, false);
	CHECK(r.x[0] == 0 && r.x[1] == 0x1111 && r.x[2] == 0x2222 && r.x[3] == 1);
}

static void t_fault_cannot_be_armed_while_the_channel_is_served(void)
{
	/* the stub server rings DIAG_FAULT from "another CPU" while it holds the guard */
	shmem[0] = 0xfa;
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == 0);
	CHECK((int8_t)shmem[1] == SMCCC_BUSY);
	shmem[0] = 0;
	CHECK(fault_call(CH_SCPI_LOW, 1, 1, 0).x[0] == 0);	/* free again: armed */
	CHECK(call(BOARD_SIP_FID(0x01), 0, 0, 0) == SMCCC_NOT_SUPPORTED);
}

#define TEST(fn) { #fn + 2, fn }
static const struct test_case tests[] = {
	TEST(t_smccc_version_is_1_1),
	TEST(t_unknown_fid_is_not_supported_with_clean_results),
	TEST(t_fast_call_with_bits_23_16_set_is_not_supported),
	TEST(t_yielding_call_is_not_supported),
	TEST(t_smc64_from_aarch32_is_not_supported),
	TEST(t_smc32_arguments_are_truncated),
	TEST(t_arch_features_reports_implemented_calls),
	TEST(t_psci_version_is_1_1),
	TEST(t_psci_features),
	TEST(t_cpu_suspend_standby_returns_success),
	TEST(t_features_offer_aarch32_callers_no_smc64),
	TEST(t_arch_workarounds_answer_as_the_core_needs),
	TEST(t_cpu_on_entry_outside_ns_ram_is_invalid_address),
	TEST(t_cpu_on_bad_target_is_invalid_params),
	TEST(t_cpu_on_life_cycle),
	TEST(t_system_off_and_reset_reach_the_platform),
	TEST(t_unknown_sip_call_is_not_supported),
	TEST(t_doorbell_serves_and_counts),
	TEST(t_malformed_request_is_refused_and_counted),
	TEST(t_second_cpu_on_a_busy_channel_is_refused),
	TEST(t_register_mode_echo_counts_each_message),
	TEST(t_diag_counters_bad_index_is_invalid),
	TEST(t_diag_timing_counts_served_doorbells),
	TEST(t_diag_reset_line_passes_the_line_state),
	TEST(t_diag_mem_attr_returns_the_translation),
	TEST(t_diag_trap_arms_the_platform_trap),
	TEST(t_diag_exit_ends_with_the_code),
	TEST(t_diag_fault_is_implemented_and_checks_its_arguments),
	TEST(t_fault_not_supported_serves_nothing_for_count_doorbells),
	TEST(t_fault_is_per_channel),
	TEST(t_fault_late_serves_after_the_delay),
	TEST(t_fault_garbage_writes_registers_and_reply_area),
	TEST(t_fault_garbage_on_a_register_mode_channel),
	TEST(t_fault_cannot_be_armed_while_the_channel_is_served),
};

int main(void)
{
	run_tests("runtime_", tests, sizeof(tests) / sizeof(tests[0]), reset);
	return test_exit_status();
}
