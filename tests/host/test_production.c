// SPDX-License-Identifier: BSD-3-Clause
/*
 * The production image's SiP service: built without FW_TEST_IMAGE, exactly as
 * firmware/Makefile builds qemu-virt-{smc,hvc}.bin. Every diagnostic function ID and the
 * register-mode ECHO doorbell answer NOT_SUPPORTED and are not advertised, while the real
 * doorbells still serve. It links plat_stub.c built as production too, which has no
 * plat_exit(), plat_translate() or plat_trap_fp(): if the production services referenced a
 * diagnostic's hook, this program would not link.
 */
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "doorbell.h"
#include "services.h"
#include "test.h"

#ifdef FW_TEST_IMAGE
#error "this test checks the production build"
#endif

static uint8_t shmem[BOARD_SHMEM_SIZE];
static int served;

void scmi_channel_init(volatile uint8_t *mem, size_t size) { (void)mem; (void)size; }
struct db_reply scpi_serve(volatile uint8_t *mem, size_t size)
{
	(void)mem; (void)size;
	served++;
	return (struct db_reply){ .sent = true };
}
struct db_reply scmi_serve(volatile uint8_t *mem, size_t size)
{
	(void)mem; (void)size;
	served++;
	return (struct db_reply){ .sent = true };
}

static struct smc_regs call(uint64_t fid, uint64_t a1)
{
	struct smc_regs r;
	unsigned int i;

	for (i = 0; i < 19; i++)
		r.x[i] = 0xdead0000 + i;
	r.x30 = 0;
	r.x[0] = fid;
	r.x[1] = a1;
	r.x[2] = 7;	/* DIAG_FAULT: a valid mode and count, were it implemented */
	r.x[3] = 1;
	smccc_dispatch(&r, false);
	return r;
}

static void result(const char *name, int ok, const char *why)
{
	test_report("production_", name, ok ? NULL : why);
}

static const uint32_t diag_fids[] = {
	BOARD_FID_DIAG_EXIT, BOARD_FID_DIAG_COUNTERS, BOARD_FID_DIAG_ECHO,
	BOARD_FID_DIAG_CHANNEL_COUNT, BOARD_FID_DIAG_TIMING, BOARD_FID_DIAG_FAULT,
	BOARD_FID_DIAG_RESET_LINE, BOARD_FID_DIAG_MEM_ATTR, BOARD_FID_DIAG_TRAP,
};

#define ECHO_FID(id, dt, fid, off, sz, svc) ((svc) == SERVICE_ECHO ? (fid) : 0) |

int main(void)
{
	const uint32_t echo_fid = BOARD_CHANNELS(ECHO_FID) 0;
	char why[160];
	unsigned int i, n;
	int ok;

	psci_init(2, 0, BOARD_NS_RAM_BASE, 0x40000000);
	sip_init((uintptr_t)shmem);

	for (i = 0; i < sizeof(diag_fids) / sizeof(diag_fids[0]); i++) {
		struct smc_regs r = call(diag_fids[i], 0);

		ok = r.x[0] == (uint64_t)-1 && !r.x[1] && !r.x[2] && !r.x[3];
		snprintf(why, sizeof(why), "fid 0x%x: x0..x3 = %llx %llx %llx %llx", diag_fids[i],
			 (unsigned long long)r.x[0], (unsigned long long)r.x[1],
			 (unsigned long long)r.x[2], (unsigned long long)r.x[3]);
		snprintf(why + 100, 40, "diag_0x%x_not_supported", diag_fids[i] & 0xffff);
		result(why + 100, ok, why);
	}

	/* The whole diagnostic range, not only today's six IDs. */
	for (n = 0, i = 0xfe00; i <= 0xfeff; i++)
		n += call(BOARD_SIP_FID(i), 0).x[0] != (uint64_t)-1;
	snprintf(why, sizeof(why), "%u IDs in 0x%x..0x%x answered", n, BOARD_SIP_FID(0xfe00),
		 BOARD_SIP_FID(0xfeff));
	result("diag_range_not_supported", n == 0, why);

	ok = echo_fid && call(echo_fid, 0x1111).x[0] == (uint64_t)-1 &&
	     call(echo_fid, 0x1111).x[1] == 0;
	result("echo_doorbell_not_supported", ok, "the ECHO channel answered");

	for (n = 0, i = 0; i < sizeof(diag_fids) / sizeof(diag_fids[0]); i++) {
		n += call(SMCCC_ARCH_FEATURES, diag_fids[i]).x[0] != (uint64_t)-1;
		n += call(PSCI_FEATURES, diag_fids[i]).x[0] != (uint64_t)-1;
	}
	n += call(SMCCC_ARCH_FEATURES, echo_fid).x[0] != (uint64_t)-1;
	snprintf(why, sizeof(why), "%u FEATURES queries said implemented", n);
	result("diag_calls_not_advertised", n == 0, why);

	/* The real doorbells still serve: the production image is not simply broken. */
	served = 0;
	ok = call(BOARD_SIP_FID(0x01), 0).x[0] == 0 && call(BOARD_SIP_FID(0x10), 0).x[0] == 0 &&
	     served == 2 && call(SMCCC_ARCH_FEATURES, BOARD_SIP_FID(0x01)).x[0] == 0;
	result("protocol_doorbells_still_serve", ok, "an SCPI or SCMI doorbell failed");

	return test_exit_status();
}
