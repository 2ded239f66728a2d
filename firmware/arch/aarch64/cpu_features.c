// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the non-secure world may use without trapping to EL3: SCR_EL3 and CPTR_EL3 (and the
 * SVE/SME vector lengths), each feature bit set only when the CPU's ID registers say the
 * feature is there, as boot-wrapper-aarch64 and TF-A do. Linux uses all of these on newer
 * cores; left clear, its first use traps to EL3 (with -cpu max, Debian 6.1's first SVE
 * access did, ESR 0x66000000).
 */
#include <stdint.h>

#include "arch.h"
#include "cpu_features.h"

/* ID register fields: 4 bits at @shift. */
#define ID_FIELD(reg, shift)	(((reg) >> (shift)) & 0xfULL)

/* ID_AA64PFR0_EL1 */
#define PFR0_SVE	32
#define PFR0_AMU	44
#define PFR0_CSV2	56
/* ID_AA64PFR1_EL1 */
#define PFR1_MTE	8
#define PFR1_SME	24
/* ID_AA64ISAR1_EL1 / ID_AA64ISAR2_EL1: pointer authentication */
#define ISAR1_APA	4
#define ISAR1_API	8
#define ISAR1_GPA	24
#define ISAR1_GPI	28
#define ISAR2_GPA3	8
#define ISAR2_APA3	12
/* ID_AA64MMFR0_EL1 / MMFR1 / MMFR3 */
#define MMFR0_FGT	56
#define MMFR0_ECV	60
#define MMFR1_HCX	40
#define MMFR3_TCRX	0
#define MMFR3_SCTLRX	4
#define MMFR3_S1PIE	8

/* Registers the assembler may not know by name (armv8-a baseline). */
#define ID_AA64ISAR2_EL1	S3_0_C0_C6_2
#define ID_AA64MMFR3_EL1	S3_0_C0_C7_3
#define ID_AA64SMFR0_EL1	S3_0_C0_C4_5
#define ZCR_EL3			S3_6_C1_C2_0
#define SMCR_EL3		S3_6_C1_C2_6

#define SMFR0_FA64		(1ULL << 63)
#define SMCR_FA64		(1ULL << 31)
#define SMCR_EZT0		(1ULL << 30)
#define VL_MAX			0xfULL		/* ZCR/SMCR LEN: the largest the CPU has */

static uint64_t id_isar2(void)
{
	/* ID_AA64ISAR2_EL1 and MMFR3 read as zero on cores older than their introduction. */
	return read_sysreg_s(ID_AA64ISAR2_EL1);
}

uint64_t cpu_scr_features(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1), isar2 = id_isar2();
	uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1), mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	uint64_t mmfr3 = read_sysreg_s(ID_AA64MMFR3_EL1);
	uint64_t scr = 0;

	if (ID_FIELD(isar1, ISAR1_APA) || ID_FIELD(isar1, ISAR1_API) ||
	    ID_FIELD(isar1, ISAR1_GPA) || ID_FIELD(isar1, ISAR1_GPI) ||
	    ID_FIELD(isar2, ISAR2_APA3) || ID_FIELD(isar2, ISAR2_GPA3))
		scr |= SCR_APK | SCR_API;	/* pointer authentication keys and instructions */
	if (ID_FIELD(pfr1, PFR1_MTE) >= 2)
		scr |= SCR_ATA;			/* FEAT_MTE2: allocation tags */
	if (ID_FIELD(pfr0, PFR0_CSV2) >= 2)
		scr |= SCR_ENSCXT;		/* SCXTNUM_ELx */
	if (ID_FIELD(mmfr0, MMFR0_FGT))
		scr |= SCR_FGTEN;		/* fine-grained trap registers at EL2 */
	if (ID_FIELD(mmfr0, MMFR0_ECV))
		scr |= SCR_ECVEN;		/* enhanced counter virtualisation */
	if (ID_FIELD(mmfr1, MMFR1_HCX))
		scr |= SCR_HXEN;		/* HCRX_EL2 */
	if (ID_FIELD(mmfr3, MMFR3_TCRX))
		scr |= SCR_TCR2EN;
	if (ID_FIELD(mmfr3, MMFR3_SCTLRX))
		scr |= SCR_SCTLR2EN;
	if (ID_FIELD(mmfr3, MMFR3_S1PIE))
		scr |= SCR_PIEN;
	if (ID_FIELD(pfr1, PFR1_SME))
		scr |= SCR_ENTP2;		/* TPIDR2_EL0 */
	return scr;
}

uint64_t cpu_cptr_features(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t cptr = 0;	/* FP/SIMD (TFP), trace (TTA), AMU (TAM): never trapped */

	if (ID_FIELD(pfr0, PFR0_SVE))
		cptr |= CPTR_EZ;
	if (ID_FIELD(pfr1, PFR1_SME))
		cptr |= CPTR_ESM;
	return cptr;
}

void cpu_vector_lengths(void)
{
	uint64_t smcr = VL_MAX;

	/* CPTR_EL3 must already let EL3 reach ZCR_EL3 / SMCR_EL3 (EZ / ESM set, then an ISB). */
	if (ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_SVE))
		write_sysreg_s(VL_MAX, ZCR_EL3);
	if (ID_FIELD(read_sysreg(id_aa64pfr1_el1), PFR1_SME)) {
		if (read_sysreg_s(ID_AA64SMFR0_EL1) & SMFR0_FA64)
			smcr |= SMCR_FA64;
		if (ID_FIELD(read_sysreg(id_aa64pfr1_el1), PFR1_SME) >= 2)
			smcr |= SMCR_EZT0;	/* SME2's ZT0 */
		write_sysreg_s(smcr, SMCR_EL3);
	}
	isb();
}
