/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the SCPI and SCMI harnesses share: one input format for "the shared memory an agent
 * could leave behind", and the driver that feeds it to a harness's serve_one().
 *
 * Input:	le16 region size (taken modulo REGION_MAX + 1, so tiny and odd sizes happen)
 *		le64 time in ns of the first message, le32 ns added before each further one
 *		then up to MAX_MSGS messages, each: le16 n, n bytes (a short last one is fine).
 * The region is malloc'ed at its exact size, so ASan reports any access past it; where in
 * the region a message goes, and what the harness checks, is serve_one()'s business.
 */
#ifndef REGION_FUZZ_H
#define REGION_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "plat_stub.h"

#define REGION_MAX	0x1000
#define MAX_MSGS	8
#define POISON		0xa5

#define CHECK(cond)								\
	do {									\
		if (!(cond)) {							\
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);	\
			abort();						\
		}								\
	} while (0)


static inline uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* Serve one message in a region of @size bytes; @before is scratch for a copy of it. */
typedef void serve_one_fn(uint8_t *mem, uint8_t *before, size_t size, const uint8_t *msg,
			  size_t n);

/* Decode one input and feed its messages, in order, to @serve_one. */
static inline int region_fuzz_run(const uint8_t *data, size_t len, serve_one_fn *serve_one)
{
	static uint8_t before[REGION_MAX];
	uint8_t *mem;
	size_t size, n;
	uint32_t step;
	unsigned int k;

	if (len < 14)
		return 0;
	size = (size_t)(data[0] | data[1] << 8) % (REGION_MAX + 1);
	plat_stub.time_ns = rd64(data + 2);	/* the servers' clock: the input's time */
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
		plat_stub.time_ns += step;
	}
	free(mem);
	return 0;
}

#endif /* REGION_FUZZ_H */
