// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for the SCPI server: the input is the shared memory an AP could leave
 * behind, plus the region size and the time.
 *
 * Input:	le16 region size (taken modulo REGION_MAX + 1, so tiny and odd sizes happen)
 *		le64 time in ns of the first request, le32 ns added before each further one
 *		then up to MAX_MSGS requests, each: le16 n, n bytes placed at region + size/2
 *		(the rest of the region keeps a poison pattern; a short last chunk is fine).
 * The region is malloc'ed at its exact size, so ASan reports any access past it. After
 * every request the harness checks what the protocol promises: DB_MALFORMED exactly for
 * regions too small, otherwise a reply that echoes id and token, a sane status and size,
 * counters that match, and not one byte written outside the reply.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doorbell.h"
#include "model/model.h"
#include "scpi/scpi.h"

#define REGION_MAX	0x1000
#define MAX_MSGS	8
#define POISON		0xa5

static uint64_t now_ns;

uint64_t plat_time_ns(void)
{
	return now_ns;
}

#define CHECK(cond)								\
	do {									\
		if (!(cond)) {							\
			fprintf(stderr, "fuzz_scpi: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			abort();						\
		}								\
	} while (0)

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void serve_one(uint8_t *mem, uint8_t *before, size_t size, const uint8_t *msg, size_t n)
{
	struct db_counters cnt = { 0, 0, 0 };
	size_t half = size / 2, rsize;
	uint32_t cmd, rep, status;
	int rc;

	memset(mem, POISON, size);
	if (half < size && n)
		memcpy(mem + half, msg, n < size - half ? n : size - half);
	memcpy(before, mem, size);

	rc = scpi_serve(mem, size, &cnt);

	CHECK(cnt.served == 0);
	if (size < SCPI_MIN_REGION) {
		CHECK(rc == DB_MALFORMED);
		CHECK(cnt.malformed == 1 && cnt.errors == 0);
		CHECK(!memcmp(mem, before, size));
		return;
	}
	CHECK(rc == DB_SERVED);
	CHECK(cnt.malformed == 0);
	cmd = rd32(before + half);
	rep = rd32(mem);
	status = rd32(mem + 4);
	rsize = SCPI_CMD_SIZE(rep);
	CHECK(SCPI_CMD_ID(rep) == SCPI_CMD_ID(cmd));
	CHECK(SCPI_CMD_TOKEN(rep) == SCPI_CMD_TOKEN(cmd));
	CHECK(!(rep & SCPI_CMD_RESERVED));
	CHECK(status <= SCPI_ERR_BUSY && status != SCPI_ERR_HANDLER);
	CHECK(cnt.errors == (status != SCPI_OK));
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
	static uint8_t before[REGION_MAX];
	uint8_t *mem;
	size_t size, n;
	uint32_t step;
	unsigned int k;

	if (len < 14)
		return 0;
	size = (size_t)(data[0] | data[1] << 8) % (REGION_MAX + 1);
	now_ns = rd64(data + 2);
	step = rd32(data + 10);
	data += 14;
	len -= 14;

	model_reset();
	mem = malloc(size ? size : 1);
	if (!mem)
		return 0;
	for (k = 0; k < MAX_MSGS && len; k++) {
		n = len >= 2 ? (size_t)(data[0] | data[1] << 8) : 0;
		data += len >= 2 ? 2 : len;
		len -= len >= 2 ? 2 : len;
		if (n > len)
			n = len;
		serve_one(mem, before, size, data, n);
		data += n;
		len -= n;
		now_ns += step;
	}
	free(mem);
	return 0;
}
