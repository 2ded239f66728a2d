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
};

#define CHANNEL_ENTRY(id, dt_name, fid_, off, sz, svc) \
	{ .name = dt_name, .fid = fid_, .offset = off, .size = sz, .service = svc },

static struct channel channels[] = { BOARD_CHANNELS(CHANNEL_ENTRY) };

#define NUM_CHANNELS (sizeof(channels) / sizeof(channels[0]))

/*
 * SCMI's shared-memory transport starts with the channel free (channel_status bit 0): the
 * agent waits for that bit before it writes its first request.
 */
static void scmi_channel_start_free(volatile uint8_t *shmem)
{
	shmem[4] = 1;
	shmem[5] = 0;
	shmem[6] = 0;
	shmem[7] = 0;
}

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
		spin_unlock(&ch->busy);
		if (ch->service == SERVICE_SCMI)
			scmi_channel_start_free(ch->shmem);
	}
}

unsigned int sip_channel_count(void)
{
	return NUM_CHANNELS;
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
	if (serve(ch, call, res) == DB_SERVED) {
		ch->cnt.served++;
		res->x0 = SMCCC_SUCCESS;
	} else {
		res->x0 = SMCCC_INVALID_PARAMS;
	}
	ch->time_ns += plat_time_ns() - t0;
	ch->timed++;
	spin_unlock(&ch->busy);
}

static void diag_counters(uint64_t index, struct smc_result *res)
{
	const struct channel *ch;

	if (index >= NUM_CHANNELS) {
		res->x0 = SMCCC_INVALID_PARAMS;
		return;
	}
	ch = &channels[index];
	res->x0 = SMCCC_SUCCESS;
	res->x1 = ch->cnt.served;
	res->x2 = ch->cnt.errors;
	res->x3 = ch->cnt.malformed;
}

/* x1 = channel index -> x1 = counter time (ns) spent serving its doorbells, x2 = how many. */
static void diag_timing(uint64_t index, struct smc_result *res)
{
	const struct channel *ch;

	if (index >= NUM_CHANNELS) {
		res->x0 = SMCCC_INVALID_PARAMS;
		return;
	}
	ch = &channels[index];
	res->x0 = SMCCC_SUCCESS;
	res->x1 = ch->time_ns;
	res->x2 = ch->timed;
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
	default:
		res->x0 = SMCCC_NOT_SUPPORTED;
		break;
	}
}

static bool sip_implements(uint32_t fid)
{
	return find_channel(fid) || fid == BOARD_FID_DIAG_EXIT ||
	       fid == BOARD_FID_DIAG_COUNTERS || fid == BOARD_FID_DIAG_ECHO ||
	       fid == BOARD_FID_DIAG_CHANNEL_COUNT || fid == BOARD_FID_DIAG_TIMING;
}

const struct smc_service sip_service = {
	.name = "sip",
	.owner = OWNER_SIP,
	.handle = sip_handle,
	.implements = sip_implements,
};
