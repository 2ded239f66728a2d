// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI shared-memory transport and dispatch by protocol.
 *
 * The agent marks the channel busy, writes length, header and payload, and rings the
 * doorbell. We copy length and header (8 bytes) and then the payload the length announces
 * into private memory, each byte read exactly once, and validate only that copy:
 *   - region smaller than SCMI_MIN_REGION, length < 4 (no header) or a message that would
 *     run past the region (which includes lengths that wrap): no reply (not sent), nothing
 *     but the channel status is written;
 *   - reserved header bits set or a type other than command: PROTOCOL_ERROR;
 *   - unknown protocol: NOT_SUPPORTED; a message the protocol does not implement: NOT_FOUND
 *     (docs/scmi-conformance.md has the specification's reference for every status);
 *   - payload size other than the handler's exact size: PROTOCOL_ERROR.
 * The reply goes out in one pass: length (8 + payload), the request header echoed, status,
 * payload; then channel_status = FREE. The channel is always handed back before the SMC
 * returns, even for a malformed request (FREE | ERROR): Linux's mailbox transport ignores a
 * completion while the channel is still busy, and would otherwise wait for it on the next
 * message.
 */
#include "scmi.h"

#include "doorbell.h"
#include "fwstring.h"

const struct scmi_protocol *const scmi_protocols[] = {
	&scmi_power_protocol,
	&scmi_perf_protocol,
	&scmi_clock_protocol,
	&scmi_sensor_protocol,
	&scmi_reset_protocol,
};
const unsigned int scmi_num_protocols = sizeof(scmi_protocols) / sizeof(scmi_protocols[0]);

void scmi_out_u8(struct scmi_msg *m, uint8_t v)
{
	if (m->out_len + 1 > SCMI_REPLY_MAX) {
		m->overflow = true;
		return;
	}
	m->out[m->out_len++] = v;
}

void scmi_out_u16(struct scmi_msg *m, uint16_t v)
{
	scmi_out_u8(m, (uint8_t)v);
	scmi_out_u8(m, (uint8_t)(v >> 8));
}

void scmi_out_u32(struct scmi_msg *m, uint32_t v)
{
	scmi_out_u16(m, (uint16_t)v);
	scmi_out_u16(m, (uint16_t)(v >> 16));
}

void scmi_out_name(struct scmi_msg *m, const char *name)
{
	if (m->out_len + SCMI_NAME_SIZE > SCMI_REPLY_MAX) {
		m->overflow = true;
		return;
	}
	fw_name_field(m->out + m->out_len, SCMI_NAME_SIZE, name);
	m->out_len += SCMI_NAME_SIZE;
}

static const struct scmi_protocol *find_protocol(uint8_t id)
{
	unsigned int i;

	if (id == SCMI_PROTO_BASE)
		return &scmi_base_protocol;
	for (i = 0; i < scmi_num_protocols; i++)
		if (scmi_protocols[i]->id == id)
			return scmi_protocols[i];
	return NULL;
}

static const struct scmi_handler *find_handler(const struct scmi_protocol *p, uint32_t msg);

static int32_t protocol_version(struct scmi_msg *m)
{
	scmi_out_u32(m, m->proto->version);
	return SCMI_SUCCESS;
}

/* 0, or NOT_FOUND for a message the protocol does not implement. */
static int32_t message_attributes(struct scmi_msg *m)
{
	if (!find_handler(m->proto, fw_get_le32(m->in)))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, 0);	/* no message-specific attributes */
	return SCMI_SUCCESS;
}

/* Messages every protocol has and answers the same way, from its struct scmi_protocol. */
static const struct scmi_handler common_handlers[] = {
	[SCMI_MSG_PROTOCOL_VERSION]		= { protocol_version, 0 },
	[SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES]	= { message_attributes, 4 },
};

static const struct scmi_handler *find_handler(const struct scmi_protocol *p, uint32_t msg)
{
	const unsigned int n_common = sizeof(common_handlers) / sizeof(common_handlers[0]);

	if (msg < n_common && common_handlers[msg].fn)
		return &common_handlers[msg];
	if (msg < p->count && p->handlers[msg].fn)
		return &p->handlers[msg];
	return NULL;
}

int32_t scmi_dispatch(uint8_t proto_id, struct scmi_msg *m)
{
	const struct scmi_handler *h;
	int32_t status;

	m->out_len = 0;
	m->overflow = false;
	m->proto = find_protocol(proto_id);
	if (!m->proto)
		return SCMI_NOT_SUPPORTED;
	h = find_handler(m->proto, m->msg_id);
	if (!h)
		return SCMI_NOT_FOUND;
	if (m->in_size != h->in_size || m->in_size > SCMI_REQ_MAX)
		return SCMI_PROTOCOL_ERROR;
	status = h->fn(m);
	if (m->overflow)
		status = SCMI_GENERIC_ERROR;
	if (status != SCMI_SUCCESS)
		m->out_len = 0;
	return status;
}

static void release_channel(volatile uint8_t *shmem, uint32_t status)
{
	uint8_t b[4];

	fw_put_le32(b, status);
	fw_shmem_write(shmem + SMT_CHANNEL_STATUS, b, sizeof(b));
}

void scmi_channel_init(volatile uint8_t *shmem, size_t size)
{
	/* The agent waits for channel_status FREE before it writes its first request. */
	if (shmem && size >= SMT_CHANNEL_STATUS + 4)
		release_channel(shmem, SMT_STATUS_FREE);
}

struct db_reply scmi_serve(volatile uint8_t *shmem, size_t size)
{
	uint8_t hdr[8];				/* length, header */
	uint8_t in[SCMI_REQ_MAX];
	uint8_t rep[12 + SCMI_REPLY_MAX];	/* length, header, status, payload */
	struct scmi_msg m = { .in = in, .out = rep + 12 };
	uint32_t length, header;
	int32_t status;

	if (!shmem || size < SCMI_MIN_REGION) {
		if (shmem && size >= SMT_CHANNEL_STATUS + 4)
			release_channel(shmem, SMT_STATUS_FREE | SMT_STATUS_ERROR);
		return (struct db_reply){ .sent = false };
	}

	fw_shmem_read(hdr, shmem + SMT_LENGTH, sizeof(hdr));
	length = fw_get_le32(hdr);
	header = fw_get_le32(hdr + 4);
	if (length < 4 || length > size - SMT_HEADER) {
		release_channel(shmem, SMT_STATUS_FREE | SMT_STATUS_ERROR);
		return (struct db_reply){ .sent = false };
	}

	m.in_size = length - 4;
	fw_shmem_read(in, shmem + SMT_PAYLOAD, m.in_size < sizeof(in) ? m.in_size : sizeof(in));
	m.msg_id = (uint8_t)SCMI_HDR_MSG_ID(header);

	if ((header & SCMI_HDR_RESERVED) || SCMI_HDR_TYPE(header) != SCMI_TYPE_COMMAND) {
		status = SCMI_PROTOCOL_ERROR;
		m.out_len = 0;
	} else {
		status = scmi_dispatch((uint8_t)SCMI_HDR_PROTO(header), &m);
	}
	fw_put_le32(rep, (uint32_t)(8 + m.out_len));
	fw_put_le32(rep + 4, header);
	fw_put_le32(rep + 8, (uint32_t)status);
	fw_shmem_write(shmem + SMT_LENGTH, rep, 12 + m.out_len);
	release_channel(shmem, SMT_STATUS_FREE);
	/*
	 * Agents probe optional messages with PROTOCOL_MESSAGE_ATTRIBUTES; NOT_FOUND is the
	 * normal answer for one we do not implement (Linux 6.12 asks five of them at boot),
	 * not a failure.
	 */
	return (struct db_reply){ .sent = true, .failed = status != SCMI_SUCCESS &&
		!(m.msg_id == SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES && status == SCMI_NOT_FOUND) };
}
