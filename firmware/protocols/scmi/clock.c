// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI clock protocol (0x14), version 1.0, over the model's clocks.
 *
 * Each clock is described as a range (min, max, step 1 Hz): every rate in [min, max] is
 * accepted exactly, the same rule SCPI's SET_CLOCK_VALUE applies; a rate outside it is
 * INVALID_PARAMETERS ("the requested rate is not supported": SCP-firmware, Arm's SCMI
 * compliance suite). DESCRIBE_RATES ignores rate_index for a range, as the specification
 * says for the range format. RATE_GET returns the
 * programmed rate whether or not the clock is enabled; SCMI_CLOCK_ATTRIBUTES bit 0 says whether
 * it is (Linux 6.12 reads the enabled state from there for versions before 3.0).
 * No asynchronous rate changes (max_async_req = 0), no notifications, no extended names.
 */
#include "scmi.h"

#include "fwstring.h"
#include "model/model.h"

#define CLOCK_VERSION			0x00010000U

#define CLOCK_ATTR_ENABLED		(1U << 0)
#define CLOCK_RATES_RANGE		(1U << 12)	/* a {min, max, step} triplet follows */
#define CLOCK_SET_ASYNC			(1U << 0)
#define CLOCK_SET_FLAGS			0xfU	/* async, ignore resp., round up/auto */
#define CLOCK_CONFIG_ENABLE		(1U << 0)

/* -> {le16 num_clocks, u8 max_async_req, u8 reserved} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u16(m, (uint16_t)model_clock_count());
	scmi_out_u8(m, 0);
	scmi_out_u8(m, 0);
	return SCMI_SUCCESS;
}

/* {le32 id} -> {le32 attributes, char name[16]} */
static int32_t clock_attributes(struct scmi_msg *m)
{
	uint32_t id = fw_get_le32(m->in);
	const struct model_clock_desc *c = model_clock(id);
	bool on;

	if (!c || model_clock_get_enabled(id, &on))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, on ? CLOCK_ATTR_ENABLED : 0);
	scmi_out_name(m, c->name);
	return SCMI_SUCCESS;
}

static void out_rate(struct scmi_msg *m, uint64_t hz)
{
	scmi_out_u32(m, (uint32_t)hz);
	scmi_out_u32(m, (uint32_t)(hz >> 32));
}

/*
 * {le32 id, le32 rate_index} -> {le32 flags, {le32 low, le32 high}[3]}
 * flags = 3 returned | range format | 0 remaining. rate_index does not apply to a range.
 */
static int32_t describe_rates(struct scmi_msg *m)
{
	const struct model_clock_desc *c = model_clock(fw_get_le32(m->in));

	if (!c)
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, 3 | CLOCK_RATES_RANGE);
	out_rate(m, c->min_hz);
	out_rate(m, c->max_hz);
	out_rate(m, 1);
	return SCMI_SUCCESS;
}

/* {le32 flags, le32 id, le32 rate_low, le32 rate_high} -> () */
static int32_t rate_set(struct scmi_msg *m)
{
	uint32_t flags = fw_get_le32(m->in);
	uint32_t id = fw_get_le32(m->in + 4);
	uint64_t hz = fw_get_le64(m->in + 8);
	int ret;

	if (flags & ~CLOCK_SET_FLAGS)
		return SCMI_INVALID_PARAMETERS;
	if (!model_clock(id))
		return SCMI_NOT_FOUND;
	if (flags & CLOCK_SET_ASYNC)
		return SCMI_NOT_SUPPORTED;	/* max_async_req is 0 */
	ret = model_clock_set_rate(id, hz);
	return ret == MODEL_OK ? SCMI_SUCCESS : SCMI_INVALID_PARAMETERS;
}

/* {le32 id} -> {le32 rate_low, le32 rate_high} */
static int32_t rate_get(struct scmi_msg *m)
{
	uint32_t hz;

	if (model_clock_get_rate(fw_get_le32(m->in), &hz))
		return SCMI_NOT_FOUND;
	out_rate(m, hz);
	return SCMI_SUCCESS;
}

/* {le32 id, le32 attributes} -> (); attributes bit 0 = enable, the rest reserved */
static int32_t config_set(struct scmi_msg *m)
{
	uint32_t id = fw_get_le32(m->in);
	uint32_t attr = fw_get_le32(m->in + 4);

	if (!model_clock(id))
		return SCMI_NOT_FOUND;
	if (attr & ~CLOCK_CONFIG_ENABLE)
		return SCMI_INVALID_PARAMETERS;
	model_clock_set_enabled(id, attr & CLOCK_CONFIG_ENABLE);
	return SCMI_SUCCESS;
}

static const struct scmi_handler clock_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_CLOCK_ATTRIBUTES]				= { clock_attributes, 4 },
	[SCMI_CLOCK_DESCRIBE_RATES]			= { describe_rates, 8 },
	[SCMI_CLOCK_RATE_SET]				= { rate_set, 16 },
	[SCMI_CLOCK_RATE_GET]				= { rate_get, 4 },
	[SCMI_CLOCK_CONFIG_SET]				= { config_set, 8 },
};

const struct scmi_protocol scmi_clock_protocol = {
	.id = SCMI_PROTO_CLOCK,
	.version = CLOCK_VERSION,
	.handlers = clock_handlers,
	.count = sizeof(clock_handlers) / sizeof(clock_handlers[0]),
};
