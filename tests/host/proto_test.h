/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the protocol tests (test_model.c, test_scpi.c, test_scmi.c) share on top of test.h:
 * the model and the clock reset before each test, and little-endian helpers.
 */
#ifndef PROTO_TEST_H
#define PROTO_TEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doorbell.h"
#include "model/model.h"
#include "plat_stub.h"
#include "test.h"

static void test_reset_hook(void);

/* Before each test: the clock at 0 (tests set plat_stub.time_ns), the model at reset. */
static void proto_reset(void)
{
	plat_stub_reset();
	model_reset();
	test_reset_hook();
}

static int run_proto_tests(const struct test_case *t, size_t n)
{
	run_tests("", t, n, proto_reset);
	return test_exit_status();
}

static inline uint16_t le16(const volatile uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t le32(const volatile uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t le64(const volatile uint8_t *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

/* The triangle wave of model_def.h, written independently from model.c. */
static inline uint32_t expected_temp(uint32_t min, uint32_t max, uint64_t period_ms, uint64_t t)
{
	uint64_t period = period_ms * 1000000ULL, half = period / 2, p = t % period;

	if (p < half)
		return min + (uint32_t)((uint64_t)(max - min) * p / half);
	return max - (uint32_t)((uint64_t)(max - min) * (p - half) / half);
}

#endif
