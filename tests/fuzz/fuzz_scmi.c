// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for the SCMI server: the input is the shared memory an agent could
 * leave behind, plus the region size and the time.
 *
 * Input: the format of region_fuzz.h; each message is placed at the SMT length field
 * (offset 0x14: length, header, payload), the rest of the region keeps a poison pattern,
 * and the channel is marked busy as Linux does.
 * After every message the harness checks the transport's promises: no reply (not sent)
 * exactly for a region too small or a length without header or past the region (channel then FREE|ERROR
 * and nothing else written); otherwise channel FREE, header echoed, a status in range,
 * at most 128 bytes of payload (Linux's rx buffer), a failure flag that matches the status, not one byte
 * written outside the reply, and reset lines that DIAG_RESET_LINE can still read.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doorbell.h"
#include "model/model.h"
#include "scmi/scmi.h"
#include "region_fuzz.h"

/* Bytes [from, to) of the region are as the agent left them (empty if from >= to). */
static void check_same(const uint8_t *mem, const uint8_t *before, size_t from, size_t to)
{
	if (from < to)
		CHECK(!memcmp(mem + from, before + from, to - from));
}

/* Every byte but channel_status and [end, size) is as the agent left it. */
static void check_untouched_except(const uint8_t *mem, const uint8_t *before, size_t size,
				   size_t end)
{
	if (end > size)
		end = size;
	check_same(mem, before, 0, end < SMT_CHANNEL_STATUS ? end : SMT_CHANNEL_STATUS);
	check_same(mem, before, SMT_CHANNEL_STATUS + 4, end);
}

/*
 * Whatever the messages did to the reset lines, DIAG_RESET_LINE's read-out answers for every
 * line the model has, with a 0/1 state, and for none past it (nor for an ID over 32 bits).
 */
static void check_reset_lines(void)
{
	uint32_t asserted, resets;
	uint64_t line;

	for (line = 0; line < model_reset_line_count(); line++) {
		CHECK(!scmi_reset_line_state(line, &asserted, &resets));
		CHECK(asserted <= 1);
	}
	CHECK(scmi_reset_line_state(line, &asserted, &resets));
	CHECK(scmi_reset_line_state(1ULL << 32, &asserted, &resets));
}

static void serve_one(uint8_t *mem, uint8_t *before, size_t size, const uint8_t *msg, size_t n)
{
	struct db_reply r;
	uint32_t length, out;
	int32_t status;

	memset(mem, POISON, size);
	if (size >= SMT_CHANNEL_STATUS + 4)
		memset(mem + SMT_CHANNEL_STATUS, 0, 4);		/* busy */
	if (size > SMT_LENGTH && n)
		memcpy(mem + SMT_LENGTH, msg, n < size - SMT_LENGTH ? n : size - SMT_LENGTH);
	memcpy(before, mem, size);

	r = scmi_serve(mem, size);

	if (size < SCMI_MIN_REGION) {
		CHECK(!r.sent && !r.failed);
		if (size >= SMT_CHANNEL_STATUS + 4)
			CHECK(rd32(mem + SMT_CHANNEL_STATUS) ==
			      (SMT_STATUS_FREE | SMT_STATUS_ERROR));
		check_untouched_except(mem, before, size, size);
		return;
	}
	length = rd32(before + SMT_LENGTH);
	if (length < 4 || length > size - SMT_HEADER) {
		CHECK(!r.sent && !r.failed);
		CHECK(rd32(mem + SMT_CHANNEL_STATUS) == (SMT_STATUS_FREE | SMT_STATUS_ERROR));
		check_untouched_except(mem, before, size, size);
		return;
	}
	CHECK(r.sent);
	CHECK(rd32(mem + SMT_CHANNEL_STATUS) == SMT_STATUS_FREE);
	CHECK(rd32(mem + SMT_HEADER) == rd32(before + SMT_HEADER));
	CHECK(rd32(mem + SMT_LENGTH) >= 8);
	out = rd32(mem + SMT_LENGTH) - 8;
	status = (int32_t)rd32(mem + SMT_PAYLOAD);
	CHECK(out <= SCMI_REPLY_MAX);
	CHECK(status <= 0 && status >= SCMI_PROTOCOL_ERROR);
	/* NOT_FOUND to PROTOCOL_MESSAGE_ATTRIBUTES is a discovery answer, not an error */
	CHECK(r.failed == (status != SCMI_SUCCESS &&
			     !(SCMI_HDR_MSG_ID(rd32(before + SMT_HEADER)) ==
			       SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES && status == SCMI_NOT_FOUND)));
	if (status != SCMI_SUCCESS)
		CHECK(out == 0);
	check_untouched_except(mem, before, size, SMT_LENGTH);
	check_same(mem, before, SMT_PAYLOAD + 4 + out, size);
	check_reset_lines();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	return region_fuzz_run(data, len, serve_one);
}
