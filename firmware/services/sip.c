// SPDX-License-Identifier: BSD-3-Clause
/*
 * SiP service (owner 2): the mailbox doorbells. One job: function ID -> channel -> guard ->
 * protocol server -> SMCCC result. This is the only place that counts (DIAG_COUNTERS): from
 * the struct db_reply each server returns (include/doorbell.h), with db_count().
 *
 * The doorbell table comes from the board description (BOARD_CHANNELS). The region's address
 * is the board's, fixed at boot; nothing the OS passes in registers is used as an address.
 *
 * A channel is served by one CPU at a time: the busy guard refuses a second CPU that rings
 * the same doorbell while a request is in flight (SMCCC_BUSY) instead of letting two
 * servers interleave on one region.
 *
 * Production and test image: the register-mode ECHO channel and the diagnostic calls
 * (sip_diag.c) exist only when the firmware is built with FW_TEST_IMAGE (the runner's test
 * image). The production image answers NOT_SUPPORTED to all of them.
 */
#include <stddef.h>

#include "plat.h"
#include "services.h"
#include "sip_channel.h"

#define CHANNEL_ENTRY(id, dt_name, fid_, off, sz, svc) \
	{ .name = dt_name, .fid = fid_, .offset = off, .size = sz, .service = svc },

struct channel sip_channels[SIP_CHANNEL_COUNT] = { BOARD_CHANNELS(CHANNEL_ENTRY) };

void sip_init(uintptr_t shmem_base)
{
	unsigned int i;

	for (i = 0; i < SIP_CHANNEL_COUNT; i++) {
		struct channel *ch = &sip_channels[i];

		ch->shmem = (volatile uint8_t *)(shmem_base + ch->offset);
		ch->cnt = (struct db_counters){ 0 };
		sip_diag_reset(ch);
		spin_unlock(&ch->busy);
		if (ch->service == SERVICE_SCMI)
			scmi_channel_init(ch->shmem, ch->size);
	}
}

/* The ECHO channel is a test hook: only the test image has it. */
static bool channel_in_image(const struct channel *ch)
{
	return SIP_HAS_ECHO_CHANNEL || ch->service != SERVICE_ECHO;
}

static struct channel *find_channel(uint32_t fid)
{
	unsigned int i;

	for (i = 0; i < SIP_CHANNEL_COUNT; i++)
		if (sip_channels[i].fid == fid && channel_in_image(&sip_channels[i]))
			return &sip_channels[i];
	return NULL;
}

/* The protocol server of each shared-memory service (include/doorbell.h). */
static const db_server_fn servers[] = {
	[SERVICE_SCPI] = scpi_serve,
	[SERVICE_SCMI] = scmi_serve,
};

static struct db_reply serve(struct channel *ch, const struct smc_call *call,
			     struct smc_result *res)
{
	if (ch->service == SERVICE_ECHO) {
		/* Register mode: arguments back, plus a sequence number that proves the count. */
		res->x1 = call->arg[0];
		res->x2 = call->arg[1];
		res->x3 = ch->cnt.served + 1;
		return (struct db_reply){ .sent = true };
	}
	if ((unsigned int)ch->service >= sizeof(servers) / sizeof(servers[0]) ||
	    !servers[ch->service])
		return (struct db_reply){ .sent = false };
	return servers[ch->service](ch->shmem, ch->size);
}

/*
 * @t0 is the counter when the SiP service took the call: the time DIAG_TIMING reports covers
 * the channel lookup, the guard and the server, up to just before the guard is released.
 */
static void ring_doorbell(struct channel *ch, const struct smc_call *call, struct smc_result *res,
			  uint64_t t0)
{
	struct db_reply reply;

	if (!spin_trylock(&ch->busy)) {
		res->x0 = SMCCC_BUSY;
		return;
	}
	/* A fault refused it or answered garbage: not served, DIAG_COUNTERS do not move. */
	if (!sip_diag_fault(ch, res)) {
		reply = serve(ch, call, res);
		db_count(&ch->cnt, reply);
		res->x0 = reply.sent ? SMCCC_SUCCESS : SMCCC_INVALID_PARAMS;
	}
	sip_diag_timed(ch, t0);
	spin_unlock(&ch->busy);
}

static void sip_handle(const struct smc_call *call, struct smc_result *res)
{
	uint64_t t0 = sip_diag_clock();
	struct channel *ch = find_channel(call->fid);

	if (ch)
		ring_doorbell(ch, call, res, t0);
	else
		sip_diag_handle(call, res);	/* production: NOT_SUPPORTED (sip_channel.h) */
}

static bool sip_implements(uint32_t fid)
{
	return sip_diag_implements(fid) || find_channel(fid);
}

const struct smc_service sip_service = {
	.name = "sip",
	.owner = OWNER_SIP,
	.handle = sip_handle,
	.implements = sip_implements,
};
