/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SiP doorbell channels, shared by the dispatcher (sip.c) and the test image's
 * diagnostic calls (sip_diag.c). Nothing outside services/ includes this.
 */
#ifndef SIP_CHANNEL_H
#define SIP_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "doorbell.h"
#include "smccc.h"
#include "spinlock.h"

struct channel {
	const char *name;
	uint32_t fid;
	uint32_t offset;
	uint32_t size;
	enum board_service service;
	volatile uint8_t *shmem;
	spinlock_t busy;
	struct db_counters cnt;		/* written only by the guard's holder */
#ifdef FW_TEST_IMAGE
	uint64_t time_ns;		/* DIAG_TIMING: counter time serving doorbells ... */
	uint64_t timed;			/* ... and how many; both written by the guard's holder */
	uint32_t fault_left;		/* DIAG_FAULT: doorbells still to fault (0: none) ... */
	uint32_t fault_mode;		/* ... how (enum board_fault_mode) ... */
	uint64_t fault_delay_ns;	/* ... FAULT_LATE's delay ... */
	uint64_t faults;		/* ... faults injected; all four under the guard */
#endif
};

extern struct channel sip_channels[];
extern const unsigned int sip_channel_count;

#ifdef FW_TEST_IMAGE
/* sip_diag.c: the diagnostic calls (DIAG_*) and what they arm on a channel. */
bool sip_diag_implements(uint32_t fid);
void sip_diag_handle(const struct smc_call *call, struct smc_result *res);
void sip_diag_reset(struct channel *ch);
/* A doorbell on an armed channel (guard held): true when it is finished without being served. */
bool sip_diag_fault(struct channel *ch, struct smc_result *res);
#endif

#endif
