// SPDX-License-Identifier: BSD-3-Clause
/*
 * SiP service (owner 2): the mailbox doorbells and the diagnostic calls tests use.
 *
 * The doorbell table comes from the board description (BOARD_CHANNELS): function ID ->
 * channel -> shared-memory region -> protocol server. The region's address is the board's,
 * fixed at boot; nothing the OS passes in registers is used as an address.
 *
 * A channel is served by one CPU at a time: the busy guard refuses a second CPU that rings
 * the same doorbell while a request is in flight (SMCCC_BUSY) instead of letting two
 * servers interleave on one region.
 *
 * DIAG_FAULT (tests only) arms a channel to misbehave for its next few doorbells: refuse
 * them, serve them too late, or answer garbage (docs/abi.md). The normal path pays one load
 * for it: fault_left is zero unless a test armed the channel.
 */
#include <stddef.h>

#include "doorbell.h"
#include "services.h"
#include "spinlock.h"
#include "board.h"

struct channel {
	const char *name;
	uint32_t fid;
	uint32_t offset;
	uint32_t size;
	enum board_service service;
	volatile uint8_t *shmem;
	spinlock_t busy;
	struct db_counters cnt;		/* written only by the guard's holder */
	uint64_t time_ns;		/* DIAG_TIMING: counter time serving doorbells ... */
	uint64_t timed;			/* ... and how many; both written by the guard's holder */
	uint64_t busy_rejects;		/* written atomically by the CPUs that were refused */
	uint32_t fault_left;		/* DIAG_FAULT: doorbells still to fault (0: none) ... */
	uint32_t fault_mode;		/* ... how (enum board_fault_mode) ... */
	uint64_t fault_delay_ns;	/* ... FAULT_LATE's delay ... */
	uint64_t faults;		/* ... faults injected; all four under the guard */
};

/* Longer than the clients' timeouts: arm_scpi waits 30 ms for a reply, SCMI 30 ms. */
#define FAULT_DEFAULT_DELAY_US	50000
#define FAULT_MAX_DELAY_US	1000000
#define FAULT_GARBAGE_REG	0xdeadbeefU	/* x0..x3; as an SMC32 x0 it is negative */
#define FAULT_GARBAGE_BYTE	0xa5
#define FAULT_GARBAGE_BYTES	64	/* SCPI's reply slot, SCMI's SMT header and payload */

#define CHANNEL_ENTRY(id, dt_name, fid_, off, sz, svc) \
	{ .name = dt_name, .fid = fid_, .offset = off, .size = sz, .service = svc },

static struct channel channels[] = { BOARD_CHANNELS(CHANNEL_ENTRY) };

#define NUM_CHANNELS (sizeof(channels) / sizeof(channels[0]))

void sip_init(uintptr_t shmem_base)
{
	unsigned int i;

	for (i = 0; i < NUM_CHANNELS; i++) {
		struct channel *ch = &channels[i];

		ch->shmem = (volatile uint8_t *)(shmem_base + ch->offset);
		ch->cnt = (struct db_counters){ 0 };
		ch->time_ns = 0;
		ch->timed = 0;
		ch->busy_rejects = 0;
		ch->fault_left = 0;
		ch->fault_mode = FAULT_NONE;
		ch->faults = 0;
		spin_unlock(&ch->busy);
		if (ch->service == SERVICE_SCMI)
			scmi_channel_init(ch->shmem, ch->size);
	}
}

static struct channel *find_channel(uint32_t fid)
{
	unsigned int i;

	for (i = 0; i < NUM_CHANNELS; i++)
		if (channels[i].fid == fid)
			return &channels[i];
	return NULL;
}

static int serve(struct channel *ch, const struct smc_call *call, struct smc_result *res)
{
	switch (ch->service) {
	case SERVICE_SCPI:
		return scpi_serve(ch->shmem, ch->size, &ch->cnt);
	case SERVICE_SCMI:
		return scmi_serve(ch->shmem, ch->size, &ch->cnt);
	case SERVICE_ECHO:
		/* Register mode: arguments back, plus a sequence number that proves the count. */
		res->x1 = call->arg[0];
		res->x2 = call->arg[1];
		res->x3 = ch->cnt.served + 1;
		return DB_SERVED;
	}
	return DB_MALFORMED;
}

/*
 * One armed doorbell (guard held). Returns true when the doorbell is finished without being
 * served, false when it must still be served (FAULT_LATE, after the delay).
 */
static bool inject_fault(struct channel *ch, struct smc_result *res)
{
	uint64_t t0;
	unsigned int i;

	ch->fault_left--;
	ch->faults++;
	switch (ch->fault_mode) {
	case FAULT_LATE:
		t0 = plat_time_ns();
		while (plat_time_ns() - t0 < ch->fault_delay_ns)
			;
		return false;
	case FAULT_GARBAGE:
		if (ch->service != SERVICE_ECHO)
			for (i = 0; i < FAULT_GARBAGE_BYTES && i < ch->size; i++)
				ch->shmem[i] = FAULT_GARBAGE_BYTE;
		res->x0 = (int32_t)FAULT_GARBAGE_REG;	/* SMC32: x0 sign-extended */
		res->x1 = FAULT_GARBAGE_REG;
		res->x2 = FAULT_GARBAGE_REG;
		res->x3 = FAULT_GARBAGE_REG;
		return true;
	default:
		res->x0 = SMCCC_NOT_SUPPORTED;
		return true;
	}
}

/*
 * @t0 is the counter when the SiP service took the call: the time DIAG_TIMING reports covers
 * the channel lookup, the guard and the server, up to just before the guard is released.
 */
static void ring_doorbell(struct channel *ch, const struct smc_call *call, struct smc_result *res,
			  uint64_t t0)
{
	if (!spin_trylock(&ch->busy)) {
		__atomic_fetch_add(&ch->busy_rejects, 1, __ATOMIC_RELAXED);
		res->x0 = SMCCC_BUSY;
		return;
	}
	if (ch->fault_left && inject_fault(ch, res)) {
		/* refused or answered with garbage: not served, DIAG_COUNTERS do not move */
	} else if (serve(ch, call, res) == DB_SERVED) {
		ch->cnt.served++;
		res->x0 = SMCCC_SUCCESS;
	} else {
		res->x0 = SMCCC_INVALID_PARAMS;
	}
	ch->time_ns += plat_time_ns() - t0;
	ch->timed++;
	spin_unlock(&ch->busy);
}

/* The channel a diagnostic call names by its index, or NULL and INVALID_PARAMS in x0. */
static const struct channel *diag_channel(uint64_t index, struct smc_result *res)
{
	if (index < NUM_CHANNELS)
		return &channels[index];
	res->x0 = SMCCC_INVALID_PARAMS;
	return NULL;
}

/* x1 = channel index -> x1, x2, x3 = doorbells served, errors returned, malformed requests. */
static void diag_counters(uint64_t index, struct smc_result *res)
{
	const struct channel *ch = diag_channel(index, res);

	if (!ch)
		return;
	res->x0 = SMCCC_SUCCESS;
	res->x1 = ch->cnt.served;
	res->x2 = ch->cnt.errors;
	res->x3 = ch->cnt.malformed;
}

/* x1 = channel index -> x1 = counter time (ns) spent serving its doorbells, x2 = how many. */
static void diag_timing(uint64_t index, struct smc_result *res)
{
	const struct channel *ch = diag_channel(index, res);

	if (!ch)
		return;
	res->x0 = SMCCC_SUCCESS;
	res->x1 = ch->time_ns;
	res->x2 = ch->timed;
}

/*
 * x1 = channel index, x2 = mode, x3 = how many doorbells, x4 = FAULT_LATE's delay in us
 * (0: the default) -> x1 = doorbells that were still armed, x2 = faults injected so far.
 * Taken under the channel's guard, so a doorbell is faulted or not, never half of each.
 */
static void diag_fault(const struct smc_call *call, struct smc_result *res)
{
	uint64_t index = call->arg[0], mode = call->arg[1], count = call->arg[2];
	uint64_t us = call->arg[3];
	struct channel *ch;

	if (index >= NUM_CHANNELS || mode > FAULT_GARBAGE || (mode != FAULT_NONE && !count) ||
	    count > UINT32_MAX || us > FAULT_MAX_DELAY_US) {
		res->x0 = SMCCC_INVALID_PARAMS;
		return;
	}
	ch = &channels[index];
	if (!spin_trylock(&ch->busy)) {
		res->x0 = SMCCC_BUSY;
		return;
	}
	res->x0 = SMCCC_SUCCESS;
	res->x1 = ch->fault_left;
	res->x2 = ch->faults;
	ch->fault_mode = (uint32_t)mode;
	ch->fault_delay_ns = (us ? us : FAULT_DEFAULT_DELAY_US) * 1000;
	ch->fault_left = mode == FAULT_NONE ? 0 : (uint32_t)count;
	spin_unlock(&ch->busy);
}

/* x1 = reset line -> x1 = asserted (0/1), x2 = autonomous resets seen; -2 for a bad line. */
static void diag_reset_line(uint64_t line, struct smc_result *res)
{
	uint32_t asserted, resets;

	if (scmi_reset_line_state(line, &asserted, &resets)) {
		res->x0 = SMCCC_INVALID_PARAMS;
		return;
	}
	res->x0 = SMCCC_SUCCESS;
	res->x1 = asserted;
	res->x2 = resets;
}

static void sip_handle(const struct smc_call *call, struct smc_result *res)
{
	uint64_t t0 = plat_time_ns();
	struct channel *ch = find_channel(call->fid);

	if (ch) {
		ring_doorbell(ch, call, res, t0);
		return;
	}

	switch (call->fid) {
	case BOARD_FID_DIAG_EXIT:
		plat_exit((uint32_t)call->arg[0]);
	case BOARD_FID_DIAG_COUNTERS:
		diag_counters(call->arg[0], res);
		break;
	case BOARD_FID_DIAG_ECHO:
		res->x0 = SMCCC_SUCCESS;
		res->x1 = call->arg[0];
		res->x2 = call->arg[1];
		res->x3 = call->arg[2];
		break;
	case BOARD_FID_DIAG_CHANNEL_COUNT:
		res->x0 = NUM_CHANNELS;
		break;
	case BOARD_FID_DIAG_TIMING:
		diag_timing(call->arg[0], res);
		break;
	case BOARD_FID_DIAG_FAULT:
		diag_fault(call, res);
		break;
	case BOARD_FID_DIAG_RESET_LINE:
		diag_reset_line(call->arg[0], res);
		break;
	default:
		res->x0 = SMCCC_NOT_SUPPORTED;
		break;
	}
}

static bool sip_implements(uint32_t fid)
{
	return find_channel(fid) || fid == BOARD_FID_DIAG_EXIT ||
	       fid == BOARD_FID_DIAG_COUNTERS || fid == BOARD_FID_DIAG_ECHO ||
	       fid == BOARD_FID_DIAG_CHANNEL_COUNT || fid == BOARD_FID_DIAG_TIMING ||
	       fid == BOARD_FID_DIAG_FAULT || fid == BOARD_FID_DIAG_RESET_LINE;
}

const struct smc_service sip_service = {
	.name = "sip",
	.owner = OWNER_SIP,
	.handle = sip_handle,
	.implements = sip_implements,
};
