// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for the SMC dispatcher: every register the non-secure world controls,
 * fed through smccc_dispatch() exactly as the EL3 vectors do, with the real PSCI, SiP and
 * SCPI/SCMI servers behind it and the shared memory also under the fuzzer's control.
 *
 * Input: a sequence of records. Each record is 1 byte of flags and 8 little-endian 64-bit
 * registers x0..x7. Flags: bit 0, caller in AArch32; bit 1, the next 64 bytes go into shared
 * memory first (byte 0: channel, byte 1: offset / 32, then 62 bytes of data); bits 2-3, the
 * calling CPU (a CPU that is not on cannot call: the first CPU that is on calls instead, and
 * once every CPU is off the input ends); bit 4, the CPUs woken so far are slow: they take
 * their requests only after a later call without bit 4 (or at the end of the input), so
 * other CPUs can see them pending. Every input starts
 * from a freshly booted firmware (CPU 0 on, counters zero, the model at its reset values),
 * so whatever the fuzzer finds replays on its own.
 *
 * Invariants checked after every call: x4..x18 and x30 come back unchanged; ill-formed
 * function IDs get NOT_SUPPORTED with x1..x3 zero; SMC32 results are 32-bit (x0
 * sign-extended); PSCI states stay valid; CPU_OFF leaves its caller off; a CPU the firmware
 * wakes finds exactly one request waiting, with an entry point in non-secure RAM outside the
 * firmware's own region, and is on once it takes it; no other CPU finds one.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "model/model.h"
#include "plat_stub.h"
#include "services.h"

#define NCPUS		4
#define NS_RAM_SIZE	0x40000000ULL	/* 1 GiB, what tools/qemu-run gives the guest */

static uint8_t shmem[BOARD_SHMEM_SIZE];

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void check_call(const uint8_t *rec, int aarch32)
{
	struct smc_regs r;
	uint32_t fid;
	int i;

	for (i = 0; i < 19; i++)
		r.x[i] = 0x5a5a000000000000ULL | (uint64_t)i;
	r.x30 = 0x3030;
	for (i = 0; i < 8; i++)
		r.x[i] = le64(rec + 8 * i);
	fid = (uint32_t)r.x[0];

	if (setjmp(plat_stub_noreturn)) {
		/* CPU_OFF, SYSTEM_OFF/RESET or DIAG_EXIT: the call never returns */
		if (fid == PSCI_CPU_OFF && psci_cpu_state(plat_stub.cpu) != PSCI_STATE_OFF)
			abort();		/* parked, but still counted as on */
		return;
	}
	smccc_dispatch(&r, aarch32);

	for (i = 4; i < 8; i++)
		if (r.x[i] != le64(rec + 8 * i))
			abort();			/* argument registers x4..x7 clobbered */
	for (i = 8; i < 19; i++)
		if (r.x[i] != (0x5a5a000000000000ULL | (uint64_t)i))
			abort();			/* x8..x18 clobbered */
	if (r.x30 != 0x3030)
		abort();
	if ((!(fid & SMCCC_FAST) || SMCCC_FAST_MBZ(fid) || ((fid & SMCCC_64) && aarch32)) &&
	    (r.x[0] != (uint64_t)-1 || r.x[1] || r.x[2] || r.x[3]))
		abort();			/* ill-formed IDs: NOT_SUPPORTED, clean results */
	if (!(fid & SMCCC_64) && ((int64_t)r.x[0] != (int32_t)r.x[0] ||
				  r.x[1] >> 32 || r.x[2] >> 32 || r.x[3] >> 32))
		abort();			/* SMC32: 32-bit results, x0 sign-extended */
	for (i = 0; i < 8; i++)
		if (psci_cpu_state(i) > PSCI_STATE_ON_PENDING)
			abort();
}

/* What each woken CPU's boot path does (plat/qemu-virt/boot.c), and what it must find. */
static void boot_woken_cpus(void)
{
	uint64_t entry, context_id;
	unsigned int cpu;
	bool taken;

	for (cpu = 0; cpu < NCPUS; cpu++) {
		taken = psci_take_on_request(cpu, &entry, &context_id);
		if (taken != !!(plat_stub.woken & 1U << cpu))
			abort();		/* a lost wake-up, or a request nobody made */
		if (!taken)
			continue;
		if ((entry & 3) || entry < BOARD_NS_RAM_BASE ||
		    entry >= BOARD_NS_RAM_BASE + NS_RAM_SIZE ||
		    (entry >= BOARD_NS_FW_BASE && entry < BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE))
			abort();		/* the OS chose where EL3 would send a CPU */
		if (psci_cpu_state(cpu) != PSCI_STATE_ON ||
		    psci_take_on_request(cpu, &entry, &context_id))
			abort();		/* not on, or the request can be taken twice */
	}
	plat_stub.woken = 0;
}

/* The CPU that makes the next call: the one asked for if it is on, else the first that is. */
static bool pick_caller(unsigned int wanted)
{
	unsigned int i;

	for (i = 0; i < NCPUS; i++) {
		plat_stub.cpu = (wanted + i) % NCPUS;
		if (psci_cpu_state(plat_stub.cpu) == PSCI_STATE_ON)
			return true;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	memset(shmem, 0, sizeof(shmem));
	plat_stub_reset();
	plat_stub.time_step_ns = 1000;
	model_reset();
	psci_init(NCPUS, 0, BOARD_NS_RAM_BASE, NS_RAM_SIZE);
	sip_init((uintptr_t)shmem);

	while (size >= 1 + 64) {
		uint8_t flags = data[0];

		data++, size--;
		if ((flags & 2) && size >= 64 + 64) {
			/*
			 * 62 bytes anywhere in one of the five channels' regions, in 32-byte
			 * steps: an SCMI header at 0, an SCPI request at 0x800 (size / 2).
			 */
			memcpy(shmem + (data[0] % 5) * 0x1000 + (data[1] % 127) * 32, data + 2, 62);
			data += 64, size -= 64;
		}
		if (!pick_caller((flags >> 2) & 3))
			break;			/* every CPU is off: nobody is left to call */
		check_call(data, flags & 1);
		if (plat_stub.woken_again || plat_stub.woken >> NCPUS)
			abort();		/* woken twice for one request, or no such CPU */
		if (!(flags & 0x10))
			boot_woken_cpus();
		data += 64, size -= 64;
	}
	boot_woken_cpus();
	return 0;
}
