/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A hostile second CPU for the protocol tests: a thread that writes random bytes into a
 * region while the test serves requests from it, as another core of the OS can between the
 * doorbell and the server's copy (tests/guest/hostile.sh does the same on the board).
 *
 * The servers must read each byte of shared memory once and validate only their copy. Under
 * ASan a server that read a length twice, checked the first value and used the second, would
 * run past its buffer or past a region allocated to the exact size, and show.
 *
 * shape() may bend each byte it writes: keep a reserved bit set so that every frame is
 * invalid, or keep a length small so that frames get past the length check.
 */
#ifndef HAMMER_H
#define HAMMER_H

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hammer {
	volatile uint8_t *mem;
	size_t from, len;			/* the bytes it writes: [from, from + len) */
	uint8_t (*shape)(size_t off, uint8_t b);	/* optional */
	uint64_t seed;
	atomic_bool stop;
	atomic_ulong writes;
	pthread_t thread;
};

/* One random (shaped) byte at a random place in the window; xorshift64* state in @s. */
static inline void hammer_write_one(struct hammer *h, uint64_t *s)
{
	size_t off;
	uint8_t b;

	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	off = h->from + (size_t)((*s * 0x2545f4914f6cdd1dULL) >> 32) % h->len;
	b = (uint8_t)(*s >> 8);
	h->mem[off] = h->shape ? h->shape(off, b) : b;
}

static void *hammer_main(void *arg)
{
	struct hammer *h = arg;
	uint64_t s = h->seed ? h->seed : 1;

	while (!atomic_load_explicit(&h->stop, memory_order_relaxed)) {
		hammer_write_one(h, &s);
		atomic_fetch_add_explicit(&h->writes, 1, memory_order_relaxed);
	}
	return NULL;
}

/*
 * The serving thread's own share, between two requests: whether or not the host runs both
 * threads at once, every request then meets a frame that changed, so which paths a test
 * takes does not depend on the scheduler; what the other thread adds is the overlap.
 */
static inline void hammer_poke(struct hammer *h, uint64_t *s, unsigned int n)
{
	while (n--)
		hammer_write_one(h, s);
}

/* Start the thread and wait until it writes: on a busy host it may take a while to run. */
static inline int hammer_start(struct hammer *h)
{
	int ret;

	atomic_init(&h->stop, false);
	atomic_init(&h->writes, 0);
	ret = pthread_create(&h->thread, NULL, hammer_main, h);
	if (ret)
		return ret;
	while (!atomic_load(&h->writes))
		sched_yield();
	return 0;
}

/*
 * Serve at least @min_serves requests, and keep serving until the thread has written
 * @min_writes bytes meanwhile (at most 50 times as many requests): a busy host may not run
 * both threads at once all the time, and a test must see them overlap.
 */
static inline bool hammer_more(struct hammer *h, unsigned long served,
			       unsigned long min_serves, unsigned long min_writes)
{
	return served < min_serves ||
	       (atomic_load_explicit(&h->writes, memory_order_relaxed) < min_writes &&
		served < 50 * min_serves);
}

/* Returns how many bytes the thread wrote. */
static inline unsigned long hammer_stop(struct hammer *h)
{
	atomic_store(&h->stop, true);
	pthread_join(h->thread, NULL);
	return atomic_load(&h->writes);
}

#endif
