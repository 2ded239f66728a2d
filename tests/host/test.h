/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host tests' one harness. Each test is a function that returns at its first failed
 * EXPECT/CHECK; run_tests() runs a table of them, calling a reset function before each, and
 * test_report() prints the one line per test that tools/run-checks counts:
 *	PASS: <prefix><name>
 *	FAIL: <prefix><name>: <file>:<line>: <reason>
 * The program's exit status is 1 when any test failed (test_exit_status()).
 */
#ifndef TEST_H
#define TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

static bool test_failed;
static char test_why[512];
static int test_failures;

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

#define CHECK(cond)	EXPECT(cond, "%s", #cond)

#define EXPECT_EQ(got, want)							\
	EXPECT((uint64_t)(got) == (uint64_t)(want), "%s = %lld (0x%llx), want %lld (0x%llx)", \
	       #got, (long long)(got), (unsigned long long)(got),		\
	       (long long)(want), (unsigned long long)(want))

struct test_case {
	const char *name;
	void (*fn)(void);
};

#define TEST_CASE(fn) { #fn, fn }

/* The one way a result is printed: @why is NULL for a pass. */
static inline void test_report(const char *prefix, const char *name, const char *why)
{
	if (why) {
		printf("FAIL: %s%s: %s\n", prefix, name, why);
		test_failures++;
	} else {
		printf("PASS: %s%s\n", prefix, name);
	}
	fflush(stdout);
}

static inline void run_tests(const char *prefix, const struct test_case *t, size_t n,
			     void (*reset)(void))
{
	size_t i;

	for (i = 0; i < n; i++) {
		reset();
		test_failed = false;
		test_why[0] = '\0';
		t[i].fn();
		test_report(prefix, t[i].name, test_failed ? test_why : NULL);
	}
}

static inline int test_exit_status(void)
{
	return test_failures ? 1 : 0;
}

#endif
