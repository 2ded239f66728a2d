/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the seed generators (smccc_seeds.c, proto_seeds.c) share: a seed is built in memory
 * with seed_put() and written to DIR/NAME with seed_emit(), which starts the next one.
 */
#ifndef SEED_FILE_H
#define SEED_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t seed[1024];
static size_t seed_len;

static inline void seed_put(const void *p, size_t n)
{
	if (seed_len + n > sizeof(seed)) {
		fprintf(stderr, "seed generator: a seed outgrew %zu bytes\n", sizeof(seed));
		exit(1);
	}
	memcpy(seed + seed_len, p, n);
	seed_len += n;
}

/* @v as @bytes little-endian bytes. */
static inline void seed_put_le(uint64_t v, unsigned int bytes)
{
	uint8_t b[8];
	unsigned int i;

	for (i = 0; i < bytes && i < sizeof(b); i++)
		b[i] = (uint8_t)(v >> 8 * i);
	seed_put(b, i);
}

static inline void seed_emit(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(seed, 1, seed_len, f) != seed_len || fclose(f)) {
		perror(path);
		exit(1);
	}
	seed_len = 0;
}

#endif
