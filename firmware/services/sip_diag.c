// SPDX-License-Identifier: BSD-3-Clause
/*
 * The test image's diagnostic SiP calls (docs/abi.md): DIAG_EXIT, COUNTERS, ECHO,
 * CHANNEL_COUNT, TIMING, FAULT, RESET_LINE, MEM_ATTR and TRAP. Built only with FW_TEST_IMAGE: they let the non-secure
 * world stop the machine, spin a CPU at EL3 and disable a channel, so a production image
 * never carries them (firmware/Makefile builds this file into the *-test images only).
 *
 * DIAG_FAULT arms a channel to misbehave for its next few doorbells: refuse them, serve them
 * too late, or answer garbage. The doorbell path pays one load for it: fault_left is zero
 * unless a test armed the channel.
 */
#include <stddef.h>

#include "diag.h"
#include "plat.h"
#include "services.h"
#include "sip_channel.h"

#ifndef FW_TEST_IMAGE
#error "sip_diag.c belongs to the test image only"
#endif

/* Longer than the clients' timeouts: arm_scpi waits 30 ms for a reply, SCMI 30 ms. */
#define FAULT_DEFAULT_DELAY_US	50000
#define FAULT_MAX_DELAY_US	1000000
#define FAULT_GARBAGE_REG	0xdeadbeefU	/* x0..x3; as an SMC32 x0 it is negative */
#define FAULT_GARBAGE_BYTE	0xa5
#define FAULT_GARBAGE_BYTES	64	/* SCPI's reply slot, SCMI's SMT header and payload */

/* What the diagnostics arm and measure on a channel: written only by its guard's holder. */
struct channel_diag {
	uint64_t time_ns;		/* DIAG_TIMING: counter time serving doorbells ... */
	uint64_t timed;			/* ... and how many */
	uint32_t fault_left;		/* DIAG_FAULT: doorbells still to fault (0: none) ... */
	uint32_t fault_mode;		/* ... how (enum board_fault_mode) ... */
	uint64_t fault_delay_ns;	/* ... FAULT_LATE's delay ... */
	uint64_t faults;		/* ... faults injected */
};

static struct channel_diag channel_diag[SIP_CHANNEL_COUNT];

static struct channel_diag *diag_of(const struct channel *ch)
{
	return &channel_diag[ch - sip_channels];
}

void sip_diag_reset(struct channel *ch)
{
	struct channel_diag *d = diag_of(ch);

	d->time_ns = 0;
	d->timed = 0;
	d->fault_left = 0;
	d->fault_mode = FAULT_NONE;
	d->faults = 0;
}

void sip_diag_timed(struct channel *ch, uint64_t t0)
{
	struct channel_diag *d = diag_of(ch);

	d->time_ns += plat_time_ns() - t0;
	d->timed++;
}

bool sip_diag_fault(struct channel *ch, struct smc_result *res)
{
	struct channel_diag *d = diag_of(ch);
	uint64_t t0;
	unsigned int i;

	if (!d->fault_left)
		return false;	/* the doorbell path pays this one load unless a test armed it */
	d->fault_left--;
	d->faults++;
	switch (d->fault_mode) {
	case FAULT_LATE:
		t0 = plat_time_ns();
		while (plat_time_ns() - t0 < d->fault_delay_ns)
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

/* The channel a diagnostic call names by its index, or NULL and INVALID_PARAMS in x0. */
static const struct channel *diag_channel(uint64_t index, struct smc_result *res)
{
	if (index < SIP_CHANNEL_COUNT)
		return &sip_channels[index];
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
	res->x1 = diag_of(ch)->time_ns;
	res->x2 = diag_of(ch)->timed;
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
	struct channel_diag *d;

	if (index >= SIP_CHANNEL_COUNT || mode > FAULT_GARBAGE ||
	    (mode != FAULT_NONE && !count) || count > UINT32_MAX || us > FAULT_MAX_DELAY_US) {
		res->x0 = SMCCC_INVALID_PARAMS;
		return;
	}
	ch = &sip_channels[index];
	d = diag_of(ch);
	if (!spin_trylock(&ch->busy)) {
		res->x0 = SMCCC_BUSY;
		return;
	}
	res->x0 = SMCCC_SUCCESS;
	res->x1 = d->fault_left;
	res->x2 = d->faults;
	d->fault_mode = (uint32_t)mode;
	d->fault_delay_ns = (us ? us : FAULT_DEFAULT_DELAY_US) * 1000;
	d->fault_left = mode == FAULT_NONE ? 0 : (uint32_t)count;
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

bool sip_diag_implements(uint32_t fid)
{
	return fid == BOARD_FID_DIAG_EXIT || fid == BOARD_FID_DIAG_COUNTERS ||
	       fid == BOARD_FID_DIAG_ECHO || fid == BOARD_FID_DIAG_CHANNEL_COUNT ||
	       fid == BOARD_FID_DIAG_TIMING || fid == BOARD_FID_DIAG_FAULT ||
	       fid == BOARD_FID_DIAG_RESET_LINE || fid == BOARD_FID_DIAG_MEM_ATTR ||
	       fid == BOARD_FID_DIAG_TRAP;
}

void sip_diag_handle(const struct smc_call *call, struct smc_result *res)
{
	uint64_t par;

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
		res->x0 = SIP_CHANNEL_COUNT;
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
	case BOARD_FID_DIAG_MEM_ATTR:	/* an SMC32 call: PAR_EL1 in two halves */
		par = plat_translate(call->arg[0], call->arg[1] == 1);
		res->x0 = SMCCC_SUCCESS;
		res->x1 = (uint32_t)par;
		res->x2 = par >> 32;
		break;
	case BOARD_FID_DIAG_TRAP:	/* the caller's next FP/SIMD instruction panics EL3 */
		plat_trap_fp();
		res->x0 = SMCCC_SUCCESS;
		break;
	default:
		res->x0 = SMCCC_NOT_SUPPORTED;
		break;
	}
}
