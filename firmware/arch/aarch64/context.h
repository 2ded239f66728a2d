/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The register frame that exception entry (vectors.S) saves on the EL3 stack and hands to C.
 * SMCCC 1.1: the caller gets results in x0-x3 and keeps every other register, so entry saves
 * x0-x18 and x30 (the registers C may clobber) and restores them all on the way out.
 */
#ifndef CONTEXT_H
#define CONTEXT_H

#define CTX_X0		0
#define CTX_X18		(18 * 8)
#define CTX_X30		(19 * 8)
#define CTX_SIZE	(20 * 8)

#ifndef __ASSEMBLER__
#include "smccc.h"

_Static_assert(sizeof(struct smc_regs) == CTX_SIZE, "vectors.S frame size");
_Static_assert(__builtin_offsetof(struct smc_regs, x[18]) == CTX_X18, "vectors.S x18 offset");
_Static_assert(__builtin_offsetof(struct smc_regs, x30) == CTX_X30, "vectors.S x30 offset");
_Static_assert(CTX_SIZE % 16 == 0, "the EL3 stack must stay 16-byte aligned");
#endif

#endif
