/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-core Spectre mitigations (cpu_errata.c). */
#ifndef CPU_ERRATA_H
#define CPU_ERRATA_H

extern const char el3_vectors[], el3_vectors_btb_inval[];

void cpu_errata_reset(void);		/* every CPU, at reset: static mitigations */
const void *cpu_el3_vectors(void);	/* the EL3 vector table this core needs */

#endif
