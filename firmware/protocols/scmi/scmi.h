/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCMI over the shared-memory transport (SMT), as Linux's drivers/firmware/arm_scmi speaks it
 * (shmem.c, mailbox.c, smc.c), with the base (0x10), power domain (0x11), performance
 * (0x13), clock (0x14), sensor (0x15) and reset domain (0x16) protocols.
 *
 * scmi.c is the transport and the dispatcher: it copies the message in, checks the header
 * and the exact payload size against the protocol's handler table, and writes the reply.
 * Each protocol lives in its own file with a table of handlers indexed by message ID.
 */
#ifndef SCMI_H
#define SCMI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Status codes. */
#define SCMI_SUCCESS		0
#define SCMI_NOT_SUPPORTED	(-1)
#define SCMI_INVALID_PARAMETERS	(-2)
#define SCMI_DENIED		(-3)
#define SCMI_NOT_FOUND		(-4)
#define SCMI_OUT_OF_RANGE	(-5)
#define SCMI_BUSY		(-6)
#define SCMI_COMMS_ERROR	(-7)
#define SCMI_GENERIC_ERROR	(-8)
#define SCMI_HARDWARE_ERROR	(-9)
#define SCMI_PROTOCOL_ERROR	(-10)

/* Protocol IDs. */
#define SCMI_PROTO_BASE		0x10
#define SCMI_PROTO_POWER	0x11
#define SCMI_PROTO_SYSTEM	0x12
#define SCMI_PROTO_PERF		0x13
#define SCMI_PROTO_CLOCK	0x14
#define SCMI_PROTO_SENSOR	0x15
#define SCMI_PROTO_RESET	0x16

/* Messages every protocol has. */
#define SCMI_MSG_PROTOCOL_VERSION		0x0
#define SCMI_MSG_PROTOCOL_ATTRIBUTES		0x1
#define SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES	0x2
#define SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION	0x10	/* base 2.1+ (Linux 6.12); not served */

/*
 * Each protocol's own messages, and the payload values that more than its server needs to
 * know (the fuzz seeds, tests/fuzz/proto_seeds.c, are built from these).
 */
#define SCMI_BASE_DISCOVER_VENDOR			0x3
#define SCMI_BASE_DISCOVER_SUB_VENDOR			0x4
#define SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION	0x5
#define SCMI_BASE_DISCOVER_LIST_PROTOCOLS		0x6
#define SCMI_BASE_DISCOVER_AGENT			0x7
#define SCMI_POWER_DOMAIN_ATTRIBUTES			0x3
#define SCMI_POWER_STATE_SET				0x4
#define SCMI_POWER_STATE_GET				0x5
#define SCMI_POWER_STATE_ON				0x00000000U
#define SCMI_POWER_STATE_OFF				0x40000000U	/* power-off type, context lost */
#define SCMI_PERF_DOMAIN_ATTRIBUTES			0x3
#define SCMI_PERF_DESCRIBE_LEVELS			0x4
#define SCMI_PERF_LIMITS_SET				0x5
#define SCMI_PERF_LIMITS_GET				0x6
#define SCMI_PERF_LEVEL_SET				0x7
#define SCMI_PERF_LEVEL_GET				0x8
#define SCMI_CLOCK_ATTRIBUTES				0x3
#define SCMI_CLOCK_DESCRIBE_RATES			0x4
#define SCMI_CLOCK_RATE_SET				0x5
#define SCMI_CLOCK_RATE_GET				0x6
#define SCMI_CLOCK_CONFIG_SET				0x7
#define SCMI_SENSOR_DESCRIPTION_GET			0x3
#define SCMI_SENSOR_READING_GET				0x6
#define SCMI_RESET_DOMAIN_ATTRIBUTES			0x3
#define SCMI_RESET_RESET				0x4
#define SCMI_RESET_FLAG_AUTONOMOUS			(1U << 0)
#define SCMI_RESET_FLAG_ASSERT				(1U << 1)
#define SCMI_RESET_FLAG_ASYNC				(1U << 2)

/* Shared-memory layout (Linux shmem.c struct scmi_shared_mem). */
#define SMT_CHANNEL_STATUS	0x04
#define SMT_FLAGS		0x10
#define SMT_LENGTH		0x14	/* 4 (header) + payload */
#define SMT_HEADER		0x18
#define SMT_PAYLOAD		0x1c
#define SMT_STATUS_FREE		(1U << 0)
#define SMT_STATUS_ERROR	(1U << 1)

/* Message header. */
#define SCMI_HDR_MSG_ID(h)	((h) & 0xffU)
#define SCMI_HDR_TYPE(h)	(((h) >> 8) & 0x3U)
#define SCMI_HDR_PROTO(h)	(((h) >> 10) & 0xffU)
#define SCMI_HDR_TOKEN(h)	(((h) >> 18) & 0x3ffU)
#define SCMI_HDR_RESERVED	0xf0000000U
#define SCMI_HDR_PACK(msg, type, proto, token) \
	((uint32_t)(msg) | (uint32_t)(type) << 8 | (uint32_t)(proto) << 10 | \
	 (uint32_t)(token) << 18)
#define SCMI_TYPE_COMMAND	0

/*
 * Sizes. Linux's transports take at most 128 bytes of reply after the status
 * (max_msg_size); every reply, lists included, is cut to fit. Requests are copied up to
 * SCMI_REQ_MAX bytes (the largest we serve is 16); a longer one is a size error anyway.
 */
#define SCMI_REPLY_MAX		128
#define SCMI_REQ_MAX		128
#define SCMI_NAME_SIZE		16
/* The smallest region that can hold any reply we send. */
#define SCMI_MIN_REGION		(SMT_PAYLOAD + 4 + SCMI_REPLY_MAX)

struct scmi_protocol;

/* One message, private copies only. A handler writes at most SCMI_REPLY_MAX bytes at out. */
struct scmi_msg {
	const struct scmi_protocol *proto;
	uint8_t msg_id;
	const uint8_t *in;
	size_t in_size;
	uint8_t *out;		/* the reply payload after the status */
	size_t out_len;
	bool overflow;		/* a handler tried to write past SCMI_REPLY_MAX */
};

typedef int32_t (*scmi_handler_fn)(struct scmi_msg *m);

struct scmi_handler {
	scmi_handler_fn fn;
	uint16_t in_size;	/* exact request payload size */
};

/*
 * A protocol: its ID, its version (PROTOCOL_VERSION's answer) and its handlers. The dispatcher
 * serves PROTOCOL_VERSION and PROTOCOL_MESSAGE_ATTRIBUTES for every protocol; each table
 * starts at PROTOCOL_ATTRIBUTES.
 */
struct scmi_protocol {
	uint8_t id;
	uint32_t version;
	const struct scmi_handler *handlers;	/* indexed by message ID */
	size_t count;
};

extern const struct scmi_protocol scmi_base_protocol;
extern const struct scmi_protocol scmi_power_protocol;
extern const struct scmi_protocol scmi_perf_protocol;
extern const struct scmi_protocol scmi_clock_protocol;
extern const struct scmi_protocol scmi_sensor_protocol;
extern const struct scmi_protocol scmi_reset_protocol;

/* Protocols other than base, lowest ID first (what DISCOVER_LIST_PROTOCOLS reports). */
extern const struct scmi_protocol *const scmi_protocols[];
extern const unsigned int scmi_num_protocols;

/*
 * Look up and run one message: NOT_SUPPORTED for an unknown protocol, NOT_FOUND for a message
 * the protocol does not implement, PROTOCOL_ERROR on a size mismatch, or the handler's status.
 */
int32_t scmi_dispatch(uint8_t proto_id, struct scmi_msg *m);

/*
 * Reply builders: append to m->out, never past SCMI_REPLY_MAX (a handler that tries gets its
 * reply replaced by GENERIC_ERROR in the dispatcher instead of overrunning the buffer).
 */
void scmi_out_u32(struct scmi_msg *m, uint32_t v);
void scmi_out_u16(struct scmi_msg *m, uint16_t v);
void scmi_out_u8(struct scmi_msg *m, uint8_t v);
void scmi_out_name(struct scmi_msg *m, const char *name);	/* 16 bytes, NUL-terminated */

#endif
