/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The contract between the SiP doorbell dispatcher (services/sip.c) and the
 * protocol servers (protocols/). Plain C: it builds for the firmware and for the host.
 */
#ifndef DOORBELL_H
#define DOORBELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plat.h"	/* the platform hooks a server may call (plat_time_ns) */

/*
 * What a protocol server did with one request: no status code, two facts. The dispatcher
 * (services/sip.c) turns them into SMCCC x0 and is the only place that counts them
 * (DIAG_COUNTERS). Which protocol statuses report a failure is the protocol's to say
 * (e.g. SCMI's NOT_FOUND answering PROTOCOL_MESSAGE_ATTRIBUTES is a discovery answer).
 */
struct db_reply {
	bool sent;	/* a reply is in shared memory; false: malformed, nothing could be said */
	bool failed;	/* the reply's status reports a failure */
};

/*
 * Per-channel counters (DIAG_COUNTERS), and their one definition: what db_count() adds for
 * one reply. The dispatcher applies it to every doorbell a server handled; the protocol
 * tests apply the same function to check a server's replies against the same definition.
 */
struct db_counters {
	uint64_t served;	/* doorbells that produced a reply */
	uint64_t errors;	/* replies whose status reports a failure */
	uint64_t malformed;	/* requests no reply could be written for */
};

static inline void db_count(struct db_counters *c, struct db_reply r)
{
	c->served += r.sent;
	c->errors += r.sent && r.failed;
	c->malformed += !r.sent;
}

/*
 * A protocol server serves one request. @shmem is the channel's shared memory, fixed by the
 * board (never an address from the OS), @size its length. The server must copy what it needs
 * into private memory exactly once, validate the copy, and write the reply back.
 */
typedef struct db_reply (*db_server_fn)(volatile uint8_t *shmem, size_t size);

struct db_reply scpi_serve(volatile uint8_t *shmem, size_t size);
struct db_reply scmi_serve(volatile uint8_t *shmem, size_t size);

/* Put a channel's shared memory in the state its protocol starts from (SCMI: FREE). */
void scmi_channel_init(volatile uint8_t *shmem, size_t size);

#endif
