// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI reset domain protocol (0x16), version 1.0 (SCMI 2.0), over the model's reset lines.
 * Linux's reset-scmi (RESET_SCMI=y in Debian's arm64 kernels) drives it: reset_control_reset()
 * sends an autonomous reset, reset_control_assert()/deassert() an explicit one.
 *
 * RESET's flags: bit 0 autonomous (the firmware asserts and deasserts the line itself), bit 1
 * the explicit signal (1 assert, 0 deassert; only without bit 0), bit 2 asynchronous (only
 * with bit 0). Every reset completes before the reply, so no domain offers asynchronous
 * resets (attributes bit 31 clear): an autonomous request with bit 2 is NOT_SUPPORTED, bit 2
 * without bit 0 is INVALID_PARAMETERS, as SCP-firmware answers. The only reset state served
 * is the architectural cold reset (0); any other architectural ID and every
 * implementation-defined state (bit 31) are INVALID_PARAMETERS. No notifications:
 * RESET_NOTIFY is not implemented (NOT_FOUND, attributes bit 30 clear).
 */
#include "scmi.h"

#include "fwstring.h"
#include "model/model.h"

#define RESET_VERSION			0x00010000U

#define RESET_FLAGS			(SCMI_RESET_FLAG_AUTONOMOUS | SCMI_RESET_FLAG_ASSERT | \
					 SCMI_RESET_FLAG_ASYNC)
#define RESET_STATE_ARCH_COLD		0x00000000U

/* -> {le32 attributes: [15:0] number of domains, [31:16] reserved} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u32(m, (uint16_t)model_reset_line_count());
	return SCMI_SUCCESS;
}

/* {le32 domain} -> {le32 attributes, le32 latency_us, char name[16]} */
static int32_t domain_attributes(struct scmi_msg *m)
{
	const struct model_reset_line_desc *r = model_reset_line(fw_get_le32(m->in));

	if (!r)
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, 0);		/* no asynchronous reset, no notifications */
	scmi_out_u32(m, r->latency_us);
	scmi_out_name(m, r->name);
	return SCMI_SUCCESS;
}

/* {le32 domain, le32 flags, le32 reset_state} -> () */
static int32_t reset(struct scmi_msg *m)
{
	uint32_t domain = fw_get_le32(m->in);
	uint32_t flags = fw_get_le32(m->in + 4);
	uint32_t state = fw_get_le32(m->in + 8);

	if (flags & ~RESET_FLAGS)
		return SCMI_INVALID_PARAMETERS;
	if (state != RESET_STATE_ARCH_COLD)
		return SCMI_INVALID_PARAMETERS;
	if (!model_reset_line(domain))
		return SCMI_NOT_FOUND;
	if (flags & SCMI_RESET_FLAG_ASYNC)
		return flags & SCMI_RESET_FLAG_AUTONOMOUS ? SCMI_NOT_SUPPORTED : SCMI_INVALID_PARAMETERS;
	if (flags & SCMI_RESET_FLAG_AUTONOMOUS)
		model_reset_line_pulse(domain);
	else
		model_reset_line_set(domain, flags & SCMI_RESET_FLAG_ASSERT);
	return SCMI_SUCCESS;
}

static const struct scmi_handler reset_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_RESET_DOMAIN_ATTRIBUTES]			= { domain_attributes, 4 },
	[SCMI_RESET_RESET]				= { reset, 12 },
};

const struct scmi_protocol scmi_reset_protocol = {
	.id = SCMI_PROTO_RESET,
	.version = RESET_VERSION,
	.handlers = reset_handlers,
	.count = sizeof(reset_handlers) / sizeof(reset_handlers[0]),
};
