// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI performance protocol (0x13), version 2.0, over the model's DVFS domains.
 *
 * A performance level is an OPP's frequency in kHz. The domain attributes report
 * sustained_freq_khz == sustained_perf_level (the top OPP), so Linux computes a multiplier
 * of exactly 1000 and asks for level = Hz / 1000: the same OPPs SCPI's index addresses.
 * LEVEL_SET takes only a level that is an OPP (else OUT_OF_RANGE) and within the limits.
 * LIMITS_SET takes any min <= max (else INVALID_PARAMETERS) inside [lowest, highest level]
 * (else OUT_OF_RANGE) and keeps the OPPs inside [min, max] (OUT_OF_RANGE when none is). Each OPP's power is its dynamic power in mW (attributes flag bit 0).
 * No fast channels, no notifications, no statistics region.
 */
#include "scmi.h"

#include "fwstring.h"
#include "model/model.h"

#define PERF_VERSION			0x00020000U

#define PERF_POWER_MW			(1U << 0)
#define PERF_DOM_SET_LIMITS		(1U << 31)
#define PERF_DOM_SET_LEVEL		(1U << 30)
#define PERF_LEVEL_ENTRY_SIZE		12

static uint32_t level_of(const struct model_dvfs_desc *d, unsigned int idx)
{
	return d->opps[idx].hz / 1000;
}

/* -> {le16 num_domains, le16 flags, le32 stats_low, le32 stats_high, le32 stats_size} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u16(m, (uint16_t)model_dvfs_count());
	scmi_out_u16(m, PERF_POWER_MW);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	return SCMI_SUCCESS;
}

/*
 * {le32 domain} -> {le32 flags, le32 rate_limit_us, le32 sustained_freq_khz,
 *                   le32 sustained_perf_level, char name[16]}
 */
static int32_t domain_attributes(struct scmi_msg *m)
{
	const struct model_dvfs_desc *d = model_dvfs(fw_get_le32(m->in));
	uint32_t top;

	if (!d)
		return SCMI_NOT_FOUND;
	top = level_of(d, d->opp_count - 1);
	scmi_out_u32(m, PERF_DOM_SET_LIMITS | PERF_DOM_SET_LEVEL);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, top);
	scmi_out_u32(m, top);
	scmi_out_name(m, d->name);
	return SCMI_SUCCESS;
}

/*
 * {le32 domain, le32 level_index} -> {le16 returned, le16 remaining,
 *   {le32 level, le32 power_mw, le16 latency_us, le16 reserved}[returned]}
 * From level_index on, as many as fit in a reply; an index past the last level is
 * INVALID_PARAMETERS (SCP-firmware, Arm's SCMI compliance suite).
 */
static int32_t describe_levels(struct scmi_msg *m)
{
	const struct model_dvfs_desc *d = model_dvfs(fw_get_le32(m->in));
	uint32_t first = fw_get_le32(m->in + 4), n, i;

	if (!d)
		return SCMI_NOT_FOUND;
	if (first >= d->opp_count)
		return SCMI_INVALID_PARAMETERS;
	n = d->opp_count - first;
	if (n > (SCMI_REPLY_MAX - 4) / PERF_LEVEL_ENTRY_SIZE)
		n = (SCMI_REPLY_MAX - 4) / PERF_LEVEL_ENTRY_SIZE;
	scmi_out_u16(m, (uint16_t)n);
	scmi_out_u16(m, (uint16_t)(d->opp_count - first - n));
	for (i = 0; i < n; i++) {
		scmi_out_u32(m, level_of(d, first + i));
		scmi_out_u32(m, (uint32_t)(model_opp_power_uw(d, first + i) / 1000));
		scmi_out_u16(m, (uint16_t)d->latency_us);
		scmi_out_u16(m, 0);
	}
	return SCMI_SUCCESS;
}

/* {le32 domain, le32 max_level, le32 min_level} -> () */
static int32_t limits_set(struct scmi_msg *m)
{
	uint32_t domain = fw_get_le32(m->in);
	uint32_t max = fw_get_le32(m->in + 4), min = fw_get_le32(m->in + 8);
	const struct model_dvfs_desc *d = model_dvfs(domain);
	unsigned int lo, hi;

	if (!d)
		return SCMI_NOT_FOUND;
	if (min > max)
		return SCMI_INVALID_PARAMETERS;
	if (min < level_of(d, 0) || max > level_of(d, d->opp_count - 1))
		return SCMI_OUT_OF_RANGE;	/* a limit no level of the domain can reach */
	for (lo = 0; lo < d->opp_count && level_of(d, lo) < min; lo++)
		;
	for (hi = d->opp_count; hi > 0 && level_of(d, hi - 1) > max; hi--)
		;
	if (lo >= hi)
		return SCMI_OUT_OF_RANGE;	/* no OPP inside [min, max] */
	return model_dvfs_set_limits(domain, lo, hi - 1) ? SCMI_OUT_OF_RANGE : SCMI_SUCCESS;
}

/* {le32 domain} -> {le32 max_level, le32 min_level} */
static int32_t limits_get(struct scmi_msg *m)
{
	uint32_t domain = fw_get_le32(m->in);
	const struct model_dvfs_desc *d = model_dvfs(domain);
	unsigned int lo, hi;

	if (!d || model_dvfs_get_limits(domain, &lo, &hi))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, level_of(d, hi));
	scmi_out_u32(m, level_of(d, lo));
	return SCMI_SUCCESS;
}

/* {le32 domain, le32 level} -> () */
static int32_t level_set(struct scmi_msg *m)
{
	uint32_t domain = fw_get_le32(m->in), level = fw_get_le32(m->in + 4);
	const struct model_dvfs_desc *d = model_dvfs(domain);
	unsigned int i;

	if (!d)
		return SCMI_NOT_FOUND;
	for (i = 0; i < d->opp_count; i++)
		if (level_of(d, i) == level)
			return model_dvfs_set_opp(domain, i) ? SCMI_OUT_OF_RANGE : SCMI_SUCCESS;
	return SCMI_OUT_OF_RANGE;
}

/* {le32 domain} -> {le32 level} */
static int32_t level_get(struct scmi_msg *m)
{
	uint32_t domain = fw_get_le32(m->in);
	const struct model_dvfs_desc *d = model_dvfs(domain);
	unsigned int idx;

	if (!d || model_dvfs_get_opp(domain, &idx))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, level_of(d, idx));
	return SCMI_SUCCESS;
}

static const struct scmi_handler perf_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_PERF_DOMAIN_ATTRIBUTES]			= { domain_attributes, 4 },
	[SCMI_PERF_DESCRIBE_LEVELS]			= { describe_levels, 8 },
	[SCMI_PERF_LIMITS_SET]				= { limits_set, 12 },
	[SCMI_PERF_LIMITS_GET]				= { limits_get, 4 },
	[SCMI_PERF_LEVEL_SET]				= { level_set, 8 },
	[SCMI_PERF_LEVEL_GET]				= { level_get, 4 },
};

const struct scmi_protocol scmi_perf_protocol = {
	.id = SCMI_PROTO_PERF,
	.version = PERF_VERSION,
	.handlers = perf_handlers,
	.count = sizeof(perf_handlers) / sizeof(perf_handlers[0]),
};
