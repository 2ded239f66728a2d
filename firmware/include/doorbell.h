/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The contract between the SiP doorbell dispatcher (services/sip.c) and the
 * protocol servers (protocols/). Plain C: it builds for the firmware and for the host.
 */
#ifndef DOORBELL_H
#define DOORBELL_H

#include <stddef.h>
#include <stdint.h>

#include "plat.h"	/* the platform hooks a server may call (plat_time_ns) */

/* Return values of a protocol server, turned into SMCCC x0 by the dispatcher. */
#define DB_SERVED		0	/* reply (possibly a protocol error) is in shared memory */
#define DB_MALFORMED		(-2)	/* not even a protocol error could be written */

/* Per-channel counters, readable through DIAG_COUNTERS. */
struct db_counters {
	uint64_t served;	/* doorbells that produced a reply */
	uint64_t errors;	/* replies with a non-zero protocol status */
	uint64_t malformed;	/* requests rejected before any handler ran */
};

/*
 * A protocol server serves one request. @shmem is the channel's shared memory, fixed by the
 * board (never an address from the OS), @size its length. The server must copy what it needs
 * into private memory exactly once, validate the copy, and write the reply back.
 * It reports what happened in @cnt (errors/malformed); the dispatcher counts "served".
 * Returns DB_SERVED or DB_MALFORMED.
 */
typedef int (*db_server_fn)(volatile uint8_t *shmem, size_t size, struct db_counters *cnt);

int scpi_serve(volatile uint8_t *shmem, size_t size, struct db_counters *cnt);
int scmi_serve(volatile uint8_t *shmem, size_t size, struct db_counters *cnt);

/* Put a channel's shared memory in the state its protocol starts from (SCMI: FREE). */
void scmi_channel_init(volatile uint8_t *shmem, size_t size);

/* DIAG_RESET_LINE: a reset line of the SCMI reset domain protocol; nonzero for a bad line. */
int scmi_reset_line_state(uint64_t line, uint32_t *asserted, uint32_t *resets);

#endif
