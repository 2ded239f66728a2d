// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI power domain protocol (0x11), version 2.0, over the model's power domains.
 *
 * States (Linux scmi_pm_domain.c): 0 = on, 0x40000000 = off (power-off type, context
 * lost). Only synchronous STATE_SET is offered (domain attributes bit 29); an asynchronous
 * request is NOT_SUPPORTED, a state other than those two INVALID_PARAMETERS, an unknown
 * domain NOT_FOUND. No statistics region, no notifications, no extended names (those are
 * 3.0 features Linux only uses when a 3.x version is reported).
 */
#include "scmi.h"

#include "fwstring.h"
#include "model/model.h"

#define POWER_VERSION			0x00020000U

#define POWER_ATTR_SYNC			(1U << 29)
#define POWER_SET_ASYNC			(1U << 0)

/* -> {le16 num_domains, le16 reserved, le32 stats_low, le32 stats_high, le32 stats_size} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u16(m, (uint16_t)model_pd_count());
	scmi_out_u16(m, 0);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	return SCMI_SUCCESS;
}

/* {le32 domain} -> {le32 flags, char name[16]} */
static int32_t domain_attributes(struct scmi_msg *m)
{
	const struct model_pd_desc *pd = model_pd(fw_get_le32(m->in));

	if (!pd)
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, POWER_ATTR_SYNC);
	scmi_out_name(m, pd->name);
	return SCMI_SUCCESS;
}

/* {le32 flags, le32 domain, le32 state} -> () */
static int32_t state_set(struct scmi_msg *m)
{
	uint32_t flags = fw_get_le32(m->in);
	uint32_t domain = fw_get_le32(m->in + 4);
	uint32_t state = fw_get_le32(m->in + 8);

	if (flags & ~POWER_SET_ASYNC)
		return SCMI_INVALID_PARAMETERS;
	if (!model_pd(domain))
		return SCMI_NOT_FOUND;
	if (flags & POWER_SET_ASYNC)
		return SCMI_NOT_SUPPORTED;
	if (state != SCMI_POWER_STATE_ON && state != SCMI_POWER_STATE_OFF)
		return SCMI_INVALID_PARAMETERS;
	model_pd_set(domain, state == SCMI_POWER_STATE_ON);
	return SCMI_SUCCESS;
}

/* {le32 domain} -> {le32 state} */
static int32_t state_get(struct scmi_msg *m)
{
	bool on;

	if (model_pd_get(fw_get_le32(m->in), &on))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, on ? SCMI_POWER_STATE_ON : SCMI_POWER_STATE_OFF);
	return SCMI_SUCCESS;
}

static const struct scmi_handler power_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_POWER_DOMAIN_ATTRIBUTES]			= { domain_attributes, 4 },
	[SCMI_POWER_STATE_SET]				= { state_set, 12 },
	[SCMI_POWER_STATE_GET]				= { state_get, 4 },
};

const struct scmi_protocol scmi_power_protocol = {
	.id = SCMI_PROTO_POWER,
	.version = POWER_VERSION,
	.handlers = power_handlers,
	.count = sizeof(power_handlers) / sizeof(power_handlers[0]),
};
