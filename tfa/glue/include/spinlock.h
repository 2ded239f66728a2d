/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The project's lock interface (firmware/lib/spinlock.h) on TF-A's spinlock. In the TF-A build
 * this directory comes before firmware/lib, so the dispatcher and the model take TF-A's locks.
 */
#ifndef SMC_MBOX_SPINLOCK_H
#define SMC_MBOX_SPINLOCK_H

#include <stdbool.h>

#include <lib/spinlock.h>

/*
 * TF-A 2.8 has no trylock: one attempt on the lock word its spin_lock() and spin_unlock() use
 * (0 free, 1 held; the release is spin_unlock()'s STLR). The busy guard refuses, never waits.
 */
static inline bool spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->lock, 1, __ATOMIC_ACQUIRE);
}

#endif
