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
#include "plat.h"
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
};

/* The board's channels, counted once at compile time (sip_channels[] and anything kept per
 * channel beside it are sized by it). */
#define SIP_CHANNEL_ONE(...)	+ 1
#define SIP_CHANNEL_COUNT	(0 BOARD_CHANNELS(SIP_CHANNEL_ONE))

extern struct channel sip_channels[SIP_CHANNEL_COUNT];

/*
 * sip_diag.c, in the test image only: the diagnostic calls (DIAG_*) and what they arm on a
 * channel. The production image gets the inline stubs below: no diagnostic call, no ECHO
 * channel, nothing armed, nothing timed; sip.c reads the same either way.
 */
#ifdef FW_TEST_IMAGE
bool sip_diag_implements(uint32_t fid);
void sip_diag_handle(const struct smc_call *call, struct smc_result *res);
void sip_diag_reset(struct channel *ch);
/* A doorbell (guard held): true when an armed fault finished it without it being served. */
bool sip_diag_fault(struct channel *ch, struct smc_result *res);
/* DIAG_TIMING: @t0 is sip_diag_clock() when the SiP service took the call (guard held). */
static inline uint64_t sip_diag_clock(void) { return plat_time_ns(); }
void sip_diag_timed(struct channel *ch, uint64_t t0);
#define SIP_HAS_ECHO_CHANNEL	true
#else
static inline bool sip_diag_implements(uint32_t fid) { (void)fid; return false; }
static inline void sip_diag_handle(const struct smc_call *call, struct smc_result *res)
{
	(void)call;
	res->x0 = SMCCC_NOT_SUPPORTED;
}
static inline void sip_diag_reset(struct channel *ch) { (void)ch; }
static inline bool sip_diag_fault(struct channel *ch, struct smc_result *res)
{
	(void)ch;
	(void)res;
	return false;
}
static inline uint64_t sip_diag_clock(void) { return 0; }
static inline void sip_diag_timed(struct channel *ch, uint64_t t0) { (void)ch; (void)t0; }
#define SIP_HAS_ECHO_CHANNEL	false
#endif

#endif
