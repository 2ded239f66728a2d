/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCPI 1.x ("arm,scpi", not "arm,scpi-pre-1.0"), as Linux's drivers/firmware/arm_scpi.c
 * speaks it.
 *
 * Each channel's shared memory holds the AP's request at base + size/2 and the reply at
 * base. Both start with {le32 command; le32 status}, then the payload:
 *   command = id[6:0] | token[15:8] | payload size[24:16]   (bit 7, bits 31:25 reserved)
 * The reply echoes id and token, carries its own payload size and the status. Linux matches
 * the reply to its request by id and token, and copies min(expected, reply size) bytes.
 *
 * scpi.c is the transport (copy in, check the header, copy out); scpi_cmds.c holds the
 * command table and the handlers, which only ever see private buffers.
 */
#ifndef SCPI_H
#define SCPI_H

#include <stddef.h>
#include <stdint.h>

/* Status (arm_scpi.c enum scpi_error_codes). */
#define SCPI_OK			0
#define SCPI_ERR_PARAM		1
#define SCPI_ERR_ALIGN		2
#define SCPI_ERR_SIZE		3
#define SCPI_ERR_HANDLER	4
#define SCPI_ERR_ACCESS		5
#define SCPI_ERR_RANGE		6
#define SCPI_ERR_TIMEOUT	7
#define SCPI_ERR_NOMEM		8
#define SCPI_ERR_PWRSTATE	9
#define SCPI_ERR_SUPPORT	10
#define SCPI_ERR_DEVICE		11
#define SCPI_ERR_BUSY		12

/* Commands (arm_scpi.c enum scpi_std_cmd). */
#define SCPI_CMD_SCPI_READY		0x01
#define SCPI_CMD_SCPI_CAPABILITIES	0x02
#define SCPI_CMD_SET_CSS_PWR_STATE	0x03
#define SCPI_CMD_GET_CSS_PWR_STATE	0x04
#define SCPI_CMD_SET_SYS_PWR_STATE	0x05
#define SCPI_CMD_SET_CPU_TIMER		0x06
#define SCPI_CMD_CANCEL_CPU_TIMER	0x07
#define SCPI_CMD_DVFS_CAPABILITIES	0x08
#define SCPI_CMD_GET_DVFS_INFO		0x09
#define SCPI_CMD_SET_DVFS		0x0a
#define SCPI_CMD_GET_DVFS		0x0b
#define SCPI_CMD_GET_DVFS_STAT		0x0c
#define SCPI_CMD_CLOCK_CAPABILITIES	0x0d
#define SCPI_CMD_GET_CLOCK_INFO		0x0e
#define SCPI_CMD_SET_CLOCK_VALUE	0x0f
#define SCPI_CMD_GET_CLOCK_VALUE	0x10
#define SCPI_CMD_PSU_CAPABILITIES	0x11
#define SCPI_CMD_GET_PSU_INFO		0x12
#define SCPI_CMD_SET_PSU		0x13
#define SCPI_CMD_GET_PSU		0x14
#define SCPI_CMD_SENSOR_CAPABILITIES	0x15
#define SCPI_CMD_SENSOR_INFO		0x16
#define SCPI_CMD_SENSOR_VALUE		0x17
#define SCPI_CMD_SENSOR_CFG_PERIODIC	0x18
#define SCPI_CMD_SENSOR_CFG_BOUNDS	0x19
#define SCPI_CMD_SENSOR_ASYNC_VALUE	0x1a
#define SCPI_CMD_SET_DEVICE_PWR_STATE	0x1b
#define SCPI_CMD_GET_DEVICE_PWR_STATE	0x1c
#define SCPI_CMD_COUNT			0x1d	/* table size (the id field allows 127) */

/* The command word. */
#define SCPI_CMD_ID(c)		((c) & 0x7fU)
#define SCPI_CMD_TOKEN(c)	(((c) >> 8) & 0xffU)
#define SCPI_CMD_SIZE(c)	(((c) >> 16) & 0x1ffU)
#define SCPI_CMD_RESERVED	0xfe000080U
#define SCPI_CMD_PACK(id, token, size) \
	((uint32_t)(id) | (uint32_t)(token) << 8 | (uint32_t)(size) << 16)

#define SCPI_HDR_SIZE		8	/* command + status */
#define SCPI_PAYLOAD_MAX	0x1ff	/* what the 9-bit size field can say */
#define SCPI_REPLY_MAX		132	/* largest reply on the wire: DVFS info, 16 OPPs */
#define SCPI_MIN_REGION		(2 * SCPI_HDR_SIZE)	/* a request and a reply header */

/* Versions reported by SCP_CAPABILITIES (Linux prints them, accepts any). */
#define SCPI_PROTOCOL_VERSION	0x00010002U	/* 1.2: major[31:16] minor[15:0] */
#define SCPI_EVENT_VERSION	0x00010000U
#define SCPI_FIRMWARE_VERSION	0x01000000U	/* 1.0.0: major[31:24] minor[23:16] patch */

/* Device power states (Linux scpi_pm_domain.c). */
#define SCPI_PSTATE_ON		0
#define SCPI_PSTATE_OFF		3

/*
 * One command, private copies only: a handler reads the request payload (exactly req_size
 * bytes, already checked) and writes at most reply_max bytes of reply payload, setting
 * reply_len. It returns an SCPI status; on error the reply carries no payload.
 */
struct scpi_msg {
	const uint8_t *req;
	uint8_t *rep;
	size_t reply_len;
};

struct scpi_cmd {
	uint32_t (*handler)(struct scpi_msg *m);
	uint16_t req_size;
	uint16_t reply_max;
};

extern const struct scpi_cmd scpi_cmds[SCPI_CMD_COUNT];

#endif
