// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for the SMC dispatcher: every register the non-secure world controls,
 * fed through smccc_dispatch() exactly as the EL3 vectors do, with the real PSCI, SiP and
 * SCPI/SCMI servers behind it and the shared memory also under the fuzzer's control.
 *
 * Input: a sequence of records. Each record is 1 byte of flags (bit 0: caller in AArch32,
 * bit 1: next 64 bytes go into shared memory first) and 8 little-endian 64-bit registers
 * x0..x7. Invariants checked after every call: x4..x18 and x30 come back unchanged;
 * ill-formed function IDs get NOT_SUPPORTED; SMC32 results are 32-bit (x0 sign-extended);
 * PSCI states stay valid.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "services.h"

static uint8_t shmem[BOARD_SHMEM_SIZE];
static jmp_buf noreturn_jmp;
static uint64_t fake_time;

unsigned int plat_current_cpu(void) { return 1; }
int plat_mpidr_to_cpu(uint64_t mpidr) { return mpidr < 8 ? (int)mpidr : -1; }
void plat_wake_cpu(unsigned int cpu) { (void)cpu; }
void plat_cpu_park(void) { longjmp(noreturn_jmp, 1); }
void plat_system_off(void) { longjmp(noreturn_jmp, 1); }
void plat_system_reset(void) { longjmp(noreturn_jmp, 1); }
void plat_exit(uint32_t code) { (void)code; longjmp(noreturn_jmp, 1); }
void plat_log(const char *fmt, ...) { (void)fmt; }
uint64_t plat_time_ns(void) { return fake_time += 1000; }

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

	if (setjmp(noreturn_jmp))
		return;		/* CPU_OFF, SYSTEM_OFF/RESET or DIAG_EXIT: the call never returns */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;

	if (!ready) {
		psci_init(4, 0, BOARD_NS_RAM_BASE, 0x40000000);
		sip_init((uintptr_t)shmem);
		ready = 1;
	}
	while (size >= 1 + 64) {
		uint8_t flags = data[0];

		data++, size--;
		if ((flags & 2) && size >= 64 + 64) {
			/* Somewhere in the first channels' regions, as a hostile OS would. */
			memcpy(shmem + (data[0] % 5) * 0x1000 + data[1] % 64, data + 2, 62);
			data += 64, size -= 64;
		}
		check_call(data, flags & 1);
		data += 64, size -= 64;
	}
	return 0;
}
