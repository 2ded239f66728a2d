// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCPI transport: one request in shared memory -> one reply in shared memory.
 *
 * The request is copied into a private buffer before anything looks at it, each byte read
 * exactly once (header first, then exactly the payload size it announces, bounded by the
 * request half of the region), so the AP cannot change what was validated. The reply is
 * built privately and written out once. Shared memory is accessed only byte by byte
 * (fw_shmem_*): the firmware runs with the MMU off, where unaligned wide accesses fault.
 *
 * Every request that arrives in a usable region gets a reply, errors included, because the
 * reply slot at offset 0 is fixed and the command word says which request it answers.
 * Only a region too small to hold two headers gets none (not sent).
 */
#include "scpi.h"

#include "doorbell.h"
#include "fwstring.h"

/*
 * Look the command up, check the exact request size and the room for the reply (@room: the
 * reply payload space the channel has), then run the handler.
 */
static uint32_t dispatch(uint32_t id, size_t req_size, struct scpi_msg *m, size_t room)
{
	const struct scpi_cmd *cmd;
	uint32_t status;

	if (id >= SCPI_CMD_COUNT || !scpi_cmds[id].handler)
		return SCPI_ERR_SUPPORT;
	cmd = &scpi_cmds[id];
	if (req_size != cmd->req_size)
		return SCPI_ERR_SIZE;
	if (cmd->reply_max > room || cmd->reply_max > SCPI_REPLY_MAX)
		return SCPI_ERR_SIZE;	/* the channel cannot hold this reply */
	status = cmd->handler(m);
	if (status == SCPI_OK && m->reply_len > cmd->reply_max)
		status = SCPI_ERR_HANDLER;	/* a handler bug; never send it */
	return status;
}

struct db_reply scpi_serve(volatile uint8_t *shmem, size_t size)
{
	uint8_t req[SCPI_HDR_SIZE + SCPI_PAYLOAD_MAX];
	uint8_t rep[SCPI_HDR_SIZE + SCPI_REPLY_MAX];
	struct scpi_msg m = { .req = req + SCPI_HDR_SIZE, .rep = rep + SCPI_HDR_SIZE };
	size_t half, len;
	uint32_t cmd, status;

	if (!shmem || size < SCPI_MIN_REGION)
		return (struct db_reply){ .sent = false };
	half = size / 2;

	fw_shmem_read(req, shmem + half, SCPI_HDR_SIZE);
	cmd = fw_get_le32(req);
	len = SCPI_CMD_SIZE(cmd);

	if (cmd & SCPI_CMD_RESERVED) {
		status = SCPI_ERR_PARAM;	/* e.g. a pre-1.0 command word */
	} else if (len > half - SCPI_HDR_SIZE) {
		status = SCPI_ERR_SIZE;		/* the payload would run past the region */
	} else {
		fw_shmem_read(req + SCPI_HDR_SIZE, shmem + half + SCPI_HDR_SIZE, len);
		status = dispatch(SCPI_CMD_ID(cmd), len, &m, half - SCPI_HDR_SIZE);
	}
	if (status != SCPI_OK)
		m.reply_len = 0;

	fw_put_le32(rep, SCPI_CMD_PACK(SCPI_CMD_ID(cmd), SCPI_CMD_TOKEN(cmd), m.reply_len));
	fw_put_le32(rep + 4, status);
	fw_shmem_write(shmem, rep, SCPI_HDR_SIZE + m.reply_len);
	return (struct db_reply){ .sent = true, .failed = status != SCPI_OK };
}
