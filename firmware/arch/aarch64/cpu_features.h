/* SPDX-License-Identifier: BSD-3-Clause */
/* The lower-EL features the CPU implements, as SCR_EL3/CPTR_EL3 bits (cpu_features.c). */
#ifndef CPU_FEATURES_H
#define CPU_FEATURES_H

#include <stdint.h>

uint64_t cpu_scr_features(void);	/* SCR_EL3 enables for what the ID registers show */
uint64_t cpu_cptr_features(void);	/* CPTR_EL3 enables (SVE, SME) */
void cpu_vector_lengths(void);		/* ZCR_EL3 / SMCR_EL3: the largest lengths */

#endif
