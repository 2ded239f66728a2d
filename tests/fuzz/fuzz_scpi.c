// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for the SCPI server: the input is the shared memory an AP could leave
 * behind, plus the region size and the time.
 *
 * Input: the format of region_fuzz.h; each request is placed at region + size/2 (where
 * arm_scpi puts it) and the rest of the region keeps a poison pattern.
 * After every request the harness checks what the protocol promises: no reply (not sent)
 * exactly for regions too small, otherwise a reply that echoes id and token, a sane status
 * and size, a failure flag that matches the status, and not one byte written outside it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doorbell.h"
#include "model/model.h"
#include "scpi/scpi.h"
#include "region_fuzz.h"

static void serve_one(uint8_t *mem, uint8_t *before, size_t size, const uint8_t *msg, size_t n)
{
	struct db_reply r;
	size_t half = size / 2, rsize;
	uint32_t cmd, rep, status;

	memset(mem, POISON, size);
	if (half < size && n)
		memcpy(mem + half, msg, n < size - half ? n : size - half);
	memcpy(before, mem, size);

	r = scpi_serve(mem, size);

	if (size < SCPI_MIN_REGION) {
		CHECK(!r.sent && !r.failed);
		CHECK(!memcmp(mem, before, size));
		return;
	}
	CHECK(r.sent);
	cmd = rd32(before + half);
	rep = rd32(mem);
	status = rd32(mem + 4);
	rsize = SCPI_CMD_SIZE(rep);
	CHECK(SCPI_CMD_ID(rep) == SCPI_CMD_ID(cmd));
	CHECK(SCPI_CMD_TOKEN(rep) == SCPI_CMD_TOKEN(cmd));
	CHECK(!(rep & SCPI_CMD_RESERVED));
	CHECK(status <= SCPI_ERR_BUSY && status != SCPI_ERR_HANDLER);
	CHECK(r.failed == (status != SCPI_OK));
	CHECK(rsize <= half - 8 && rsize <= SCPI_REPLY_MAX);
	if (status != SCPI_OK)
		CHECK(rsize == 0);
	else
		CHECK(SCPI_CMD_ID(cmd) < SCPI_CMD_COUNT &&
		      rsize <= scpi_cmds[SCPI_CMD_ID(cmd)].reply_max);
	/* nothing past the reply, request half included */
	CHECK(!memcmp(mem + 8 + rsize, before + 8 + rsize, size - 8 - rsize));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	return region_fuzz_run(data, len, serve_one);
}
