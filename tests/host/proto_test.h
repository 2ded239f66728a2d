/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A tiny harness shared by the protocol tests (test_model.c, test_scpi.c, test_scmi.c).
 *
 * Each test is a function that returns at its first failed EXPECT; the runner resets the
 * model and the clock before each one and prints exactly one line per test:
 *	PASS: <name>
 *	FAIL: <name>: <file>:<line>: <reason>
 * and the program exits 1 if any test failed.
 */
#ifndef PROTO_TEST_H
#define PROTO_TEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doorbell.h"
#include "model/model.h"

/* The platform hook the model calls: a clock the tests set. */
static uint64_t fake_time_ns;
uint64_t plat_time_ns(void)
{
	return fake_time_ns;
}

static bool test_failed;
static char test_why[512];

#define EXPECT(cond, ...)							\
	do {									\
		if (!(cond)) {							\
			int n_ = snprintf(test_why, sizeof(test_why), "%s:%d: ",	\
					  __FILE__, __LINE__);			\
			snprintf(test_why + n_, sizeof(test_why) - (size_t)n_, __VA_ARGS__); \
			test_failed = true;					\
			return;							\
		}								\
	} while (0)

#define EXPECT_EQ(got, want)							\
	EXPECT((uint64_t)(got) == (uint64_t)(want), "%s = %lld (0x%llx), want %lld (0x%llx)", \
	       #got, (long long)(got), (unsigned long long)(got),		\
	       (long long)(want), (unsigned long long)(want))

struct test_case {
	const char *name;
	void (*fn)(void);
};

#define TEST_CASE(fn) { #fn, fn }

static void test_reset_hook(void);

static int run_tests(const struct test_case *t, size_t n)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < n; i++) {
		fake_time_ns = 0;
		model_reset();
		test_reset_hook();
		test_failed = false;
		test_why[0] = '\0';
		t[i].fn();
		if (test_failed) {
			printf("FAIL: %s: %s\n", t[i].name, test_why);
			failed++;
		} else {
			printf("PASS: %s\n", t[i].name);
		}
	}
	fflush(stdout);
	return failed ? 1 : 0;
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
