// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI base protocol (0x10), version 2.0: the discovery sequence Linux runs at probe
 * (arm_scmi/base.c): PROTOCOL_VERSION, PROTOCOL_ATTRIBUTES, DISCOVER_VENDOR,
 * DISCOVER_SUB_VENDOR, DISCOVER_IMPLEMENTATION_VERSION, DISCOVER_LIST_PROTOCOLS (repeated
 * with a growing skip until it has them all) and DISCOVER_AGENT for agents 0..num_agents-1.
 *
 * Version 2.0 is below what Linux 6.12 supports (2.1), so 6.12 does not try
 * NEGOTIATE_PROTOCOL_VERSION; if anyone sends it, it is NOT_FOUND like every message not in
 * the table (NOTIFY_ERRORS, the permission commands, RESET_AGENT_CONFIGURATION).
 */
#include "scmi.h"

#include "fwstring.h"

#define BASE_VERSION		0x00020000U
#define BASE_VENDOR		"ArmSMCMbox"
#define BASE_SUB_VENDOR		"QEMU-virt"
#define BASE_IMPL_VERSION	0x00010000U

/* Agent 0 is the platform itself; the OS is the one agent (1). */
#define BASE_NUM_AGENTS		1
#define BASE_AGENT_OSPM		1
#define BASE_AGENT_SELF		0xffffffffU

_Static_assert(sizeof(BASE_VENDOR) <= SCMI_NAME_SIZE, "vendor name");
_Static_assert(sizeof(BASE_SUB_VENDOR) <= SCMI_NAME_SIZE, "sub-vendor name");

/* -> {u8 num_protocols, u8 num_agents, le16 reserved} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u8(m, (uint8_t)scmi_num_protocols);
	scmi_out_u8(m, BASE_NUM_AGENTS);
	scmi_out_u16(m, 0);
	return SCMI_SUCCESS;
}

static int32_t discover_vendor(struct scmi_msg *m)
{
	scmi_out_name(m, BASE_VENDOR);
	return SCMI_SUCCESS;
}

static int32_t discover_sub_vendor(struct scmi_msg *m)
{
	scmi_out_name(m, BASE_SUB_VENDOR);
	return SCMI_SUCCESS;
}

static int32_t discover_impl_version(struct scmi_msg *m)
{
	scmi_out_u32(m, BASE_IMPL_VERSION);
	return SCMI_SUCCESS;
}

/*
 * {le32 skip} -> {le32 count, u8 ids[count], padded to 4 bytes}
 * Protocols after the first @skip; none (count 0) when skip == the total, and
 * INVALID_PARAMETERS past it ("skip" is invalid: SCP-firmware and Arm's SCMI compliance
 * suite agree). Linux stops once it has the announced number and checks the padded length.
 */
static int32_t discover_list_protocols(struct scmi_msg *m)
{
	uint32_t skip = fw_get_le32(m->in), n, i;

	if (skip > scmi_num_protocols)
		return SCMI_INVALID_PARAMETERS;
	n = scmi_num_protocols - skip;
	if (n > SCMI_REPLY_MAX - 4)
		n = SCMI_REPLY_MAX - 4;
	scmi_out_u32(m, n);
	for (i = 0; i < n; i++)
		scmi_out_u8(m, scmi_protocols[skip + i]->id);
	while (m->out_len % 4)
		scmi_out_u8(m, 0);
	return SCMI_SUCCESS;
}

/* {le32 agent_id} -> {le32 agent_id, char name[16]}; 0xffffffff means the caller. */
static int32_t discover_agent(struct scmi_msg *m)
{
	uint32_t id = fw_get_le32(m->in);

	if (id == BASE_AGENT_SELF)
		id = BASE_AGENT_OSPM;
	if (id > BASE_NUM_AGENTS)
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, id);
	scmi_out_name(m, id == 0 ? "platform" : "OSPM");
	return SCMI_SUCCESS;
}

static const struct scmi_handler base_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_BASE_DISCOVER_VENDOR]			= { discover_vendor, 0 },
	[SCMI_BASE_DISCOVER_SUB_VENDOR]			= { discover_sub_vendor, 0 },
	[SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION]	= { discover_impl_version, 0 },
	[SCMI_BASE_DISCOVER_LIST_PROTOCOLS]		= { discover_list_protocols, 4 },
	[SCMI_BASE_DISCOVER_AGENT]			= { discover_agent, 4 },
};

const struct scmi_protocol scmi_base_protocol = {
	.id = SCMI_PROTO_BASE,
	.version = BASE_VERSION,
	.handlers = base_handlers,
	.count = sizeof(base_handlers) / sizeof(base_handlers[0]),
};
