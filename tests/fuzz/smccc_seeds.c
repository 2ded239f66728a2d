// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMC dispatcher fuzzer's seeds (tests/fuzz/corpus/smccc), written from the firmware's
 * own headers so that a function ID, channel or mode that moves in board.h, smccc.h,
 * services.h, scpi.h or scmi.h moves here too. tools/fuzz --smoke checks that the committed
 * seeds are what this program writes; "make -C tests smccc-seeds" rewrites them.
 *
 *   smccc_seeds DIR        (writes one file per seed into DIR)
 *
 * Each seed is a short scenario in the record format of fuzz_smccc.c: a flags byte (bit 0
 * AArch32 caller, bit 1 shared-memory write first, bits 2-3 calling CPU, bit 4 woken CPUs
 * are slow to take their requests), an optional 64-byte shared-memory write (channel,
 * offset / 32, 62 bytes), then x0..x7 little-endian. The seeds only have to reach each
 * service's interesting states once; libFuzzer mutates them.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "scmi/scmi.h"
#include "scpi/scpi.h"
#include "services.h"
#include "smccc.h"
#include "seed_file.h"

/* Record flags. */
#define CPU(n)		((unsigned int)(n) << 2)
#define AARCH32		0x01U
#define SHMEM		0x02U
#define SLOW		0x10U

#define NS_ENTRY	BOARD_KERNEL_BASE	/* a plausible secondary entry point */
#define FRAME_MAX	62			/* bytes of one shared-memory write */

/* The board's channels by name: index, function ID and shared-memory offset. */
#define CHANNEL_INDEX(name, dt, fid, off, size, svc)	CH_##name,
enum { BOARD_CHANNELS(CHANNEL_INDEX) };
#define CHANNEL_FID(name, dt, fid, off, size, svc)	[CH_##name] = fid,
static const uint32_t fid[] = { BOARD_CHANNELS(CHANNEL_FID) };
#define CHANNEL_OFFSET(name, dt, fid, off, size, svc)	[CH_##name] = off,
static const uint32_t offset[] = { BOARD_CHANNELS(CHANNEL_OFFSET) };

static uint8_t frame[2 + FRAME_MAX];	/* the next SHMEM record's write */

static void le32(uint8_t *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

/* One record: an SMC with x0..x4 (x5..x7 zero), after the pending frame if SHMEM is set. */
static void call(unsigned int flags, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3,
		 uint64_t x4)
{
	const uint64_t x[8] = { x0, x1, x2, x3, x4 };
	uint8_t f = (uint8_t)flags;
	int i;

	seed_put(&f, 1);
	if (flags & SHMEM)
		seed_put(frame, sizeof(frame));
	for (i = 0; i < 8; i++)
		seed_put_le(x[i], 8);
}

/* Set the next SHMEM record's write: @n bytes at @off into channel @ch's region. */
static void frame_at(unsigned int ch, uint32_t off, const uint8_t *data, size_t n)
{
	memset(frame, 0, sizeof(frame));
	frame[0] = (uint8_t)(offset[ch] / 0x1000);	/* fuzz_smccc: regions are 4 KiB apart */
	frame[1] = (uint8_t)(off / 32);
	memcpy(frame + 2, data, n);
}

/* An SCPI request where arm_scpi puts it: half-way into the 4 KiB region. */
static void scpi_request(unsigned int ch, uint32_t cmd, uint32_t token, uint16_t arg)
{
	uint8_t req[10];

	le32(req, cmd | token << 8 | 2U << 16);		/* payload: le16 arg */
	le32(req + 4, 0);
	req[8] = (uint8_t)arg;
	req[9] = (uint8_t)(arg >> 8);
	frame_at(ch, 0x800, req, sizeof(req));
}

/* An SMT frame as arm_scmi leaves it: channel busy, length, header, one le32 argument. */
static void scmi_frame(unsigned int ch, uint32_t proto, uint32_t msg, uint32_t token,
		       uint32_t arg)
{
	uint8_t smt[SMT_PAYLOAD + 4] = { 0 };

	le32(smt + SMT_LENGTH, 4 + 4);
	le32(smt + SMT_HEADER, SCMI_HDR_PACK(msg, SCMI_TYPE_COMMAND, proto, token));
	le32(smt + SMT_PAYLOAD, arg);
	frame_at(ch, 0, smt, sizeof(smt));
}

int main(int argc, char **argv)
{
	const char *dir = argc == 2 ? argv[1] : NULL;

	if (!dir) {
		fprintf(stderr, "usage: smccc_seeds DIR\n");
		return 2;
	}

	call(0, PSCI_VERSION, 0, 0, 0, 0);
	seed_emit(dir, "psci_version");

	call(0, SMCCC_VERSION, 0, 0, 0, 0);
	call(0, SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0, 0);
	call(0, PSCI_FEATURES, PSCI_FN64(PSCI_CPU_ON), 0, 0, 0);
	seed_emit(dir, "smccc_features");

	call(AARCH32, PSCI_FN64(PSCI_AFFINITY_INFO), 0, 0, 0, 0);
	seed_emit(dir, "aarch32_smc64");

	call(0, PSCI_FN64(PSCI_CPU_ON), 1, NS_ENTRY, 0, 0);
	call(0, PSCI_FN64(PSCI_AFFINITY_INFO), 1, 0, 0, 0);
	seed_emit(dir, "cpu_on");

	/* CPU 1 comes up, calls, and goes down again; then CPU 0 is the last one to go. */
	call(0, PSCI_FN64(PSCI_CPU_ON), 1, NS_ENTRY, 0x1234, 0);
	call(CPU(1), PSCI_VERSION, 0, 0, 0, 0);
	call(CPU(1), PSCI_CPU_OFF, 0, 0, 0, 0);
	call(0, PSCI_AFFINITY_INFO, 1, 0, 0, 0);
	call(0, PSCI_CPU_OFF, 0, 0, 0, 0);
	seed_emit(dir, "cpu_on_call_off");

	/* CPU 2 is slow to come up: CPU 0 sees it pending, and a second CPU_ON is refused. */
	call(SLOW, PSCI_FN64(PSCI_CPU_ON), 2, NS_ENTRY, 0, 0);
	call(SLOW, PSCI_FN64(PSCI_AFFINITY_INFO), 2, 0, 0, 0);
	call(SLOW, PSCI_FN64(PSCI_CPU_ON), 2, NS_ENTRY, 0, 0);
	call(0, PSCI_AFFINITY_INFO, 2, 0, 0, 0);
	seed_emit(dir, "cpu_on_pending");

	/* Entry points the firmware must refuse, and a CPU that does not exist. */
	call(0, PSCI_FN64(PSCI_CPU_ON), 2, BOARD_NS_FW_BASE, 0, 0);
	call(0, PSCI_FN64(PSCI_CPU_ON), 2, NS_ENTRY | 2, 0, 0);
	call(0, PSCI_FN64(PSCI_CPU_ON), 2, BOARD_NS_RAM_BASE - 4, 0, 0);
	call(0, PSCI_FN64(PSCI_CPU_ON), 9, NS_ENTRY, 0, 0);
	seed_emit(dir, "cpu_on_bad_entries");

	call(0, fid[CH_test], 1, 2, 0, 0);
	call(0, BOARD_FID_DIAG_COUNTERS, CH_test, 0, 0, 0);
	call(0, BOARD_FID_DIAG_ECHO, 1, 2, 3, 0);
	call(0, BOARD_FID_DIAG_CHANNEL_COUNT, 0, 0, 0, 0);
	call(0, BOARD_FID_DIAG_TIMING, CH_test, 0, 0, 0);
	seed_emit(dir, "echo_and_diag");

	scpi_request(CH_scpi_low, SCPI_CMD_GET_CLOCK_VALUE, 1, 1);
	call(SHMEM, fid[CH_scpi_low], 0, 0, 0, 0);
	scpi_request(CH_scpi_high, SCPI_CMD_SENSOR_VALUE, 2, 0);
	call(SHMEM, fid[CH_scpi_high], 0, 0, 0, 0);
	seed_emit(dir, "scpi_doorbell");

	scmi_frame(CH_scmi_a2p, SCMI_PROTO_BASE, SCMI_MSG_PROTOCOL_VERSION, 1, 0);
	call(SHMEM, fid[CH_scmi_a2p], 0, 0, 0, 0);
	scmi_frame(CH_scmi_smc, SCMI_PROTO_PERF, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 2, 4);
	call(SHMEM, fid[CH_scmi_smc], 0, 0, 0, 0);
	seed_emit(dir, "scmi_doorbell");

	/* Each DIAG_FAULT mode armed for one doorbell, then the doorbell it spoils, then cleared. */
	call(0, BOARD_FID_DIAG_FAULT, CH_scpi_low, FAULT_NOT_SUPPORTED, 1, 0);
	call(0, fid[CH_scpi_low], 0, 0, 0, 0);
	call(0, BOARD_FID_DIAG_FAULT, CH_scmi_a2p, FAULT_LATE, 1, 10);
	call(0, fid[CH_scmi_a2p], 0, 0, 0, 0);
	call(0, BOARD_FID_DIAG_FAULT, CH_test, FAULT_GARBAGE, 1, 0);
	call(0, fid[CH_test], 5, 0, 0, 0);
	call(0, BOARD_FID_DIAG_FAULT, CH_scpi_high, FAULT_GARBAGE, 1, 0);
	call(0, fid[CH_scpi_high], 0, 0, 0, 0);
	call(0, BOARD_FID_DIAG_FAULT, CH_scpi_low, FAULT_NONE, 0, 0);
	seed_emit(dir, "diag_faults");
	return 0;
}
