/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A test-and-set spinlock on the compiler's atomics (LDAXR/STXR on AArch64 with
 * -mno-outline-atomics). Locks live in secure RAM, mapped Normal write-back
 * (plat/qemu-virt/mmap.c): exclusives need Normal cacheable memory on real cores.
 */
#ifndef SPINLOCK_H
#define SPINLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
	uint32_t locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		;
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

/* One attempt: a busy guard that refuses instead of waiting. */
static inline bool spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

#endif
