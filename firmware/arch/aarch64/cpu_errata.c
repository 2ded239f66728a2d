// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Spectre mitigations this firmware owes each core QEMU can emulate, and what
 * SMCCC_ARCH_FEATURES says about them (plat_arch_workaround, the platform hook arch_svc.c
 * calls: the answer depends on the core, not the board). The table follows TF-A's
 * lib/cpus/aarch64/cortex_a5{3,7}.S and cortex_a72.S and Arm's list of affected cores:
 *
 *   core               WA_1 (v2)        WA_2 (v4)              WA_3 (BHB)
 *   Cortex-A53         unaffected       not required           unaffected
 *   Cortex-A57         call (BTB inval) not required (static)  call (BTB inval)
 *   Cortex-A72 <=r1p0  call (BTB inval) not required (static)  call (BTB inval)
 *   Cortex-A72 >r1p0   unaffected       not required (static)  unaffected
 *   others ("max")     from CSV2        from SSBS              from ECBHB
 *
 * "BTB inval": on A57 and A72 turning the EL3 MMU off and on again invalidates the branch
 * predictor, so every entry from a lower EL does that (el3_vectors_btb_inval, vectors.S)
 * and the WA_1/WA_3 call itself has nothing left to do. "static": CPUACTLR_EL1's
 * load-pass-store disable, set at reset on every CPU, removes the v4 exposure for good.
 * QEMU's TCG does not speculate, but the firmware answers as silicon needs.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "cpu_errata.h"
#include "plat.h"
#include "smccc.h"

#define MIDR_IMPL_ARM		0x41
#define MIDR_IMPL(m)		(((m) >> 24) & 0xff)
#define MIDR_PART(m)		(((m) >> 4) & 0xfff)
#define MIDR_REV(m)		((((m) >> 16) & 0xf0) | ((m) & 0xf))	/* rXpY as 0xXY */
#define PART_CORTEX_A53		0xd03
#define PART_CORTEX_A57		0xd07
#define PART_CORTEX_A72		0xd08

#define CPUACTLR_EL1			S3_1_C15_C2_0
#define CPUACTLR_DIS_LOAD_PASS_STORE	(1ULL << 55)	/* A57 and A72 */

#define ID_FIELD(reg, shift)	(((reg) >> (shift)) & 0xfULL)

static unsigned int arm_part(void)
{
	uint64_t midr = read_sysreg(midr_el1);

	return MIDR_IMPL(midr) == MIDR_IMPL_ARM ? MIDR_PART(midr) : 0;
}

static bool needs_btb_inval(void)
{
	unsigned int part = arm_part();

	return part == PART_CORTEX_A57 ||
	       (part == PART_CORTEX_A72 && MIDR_REV(read_sysreg(midr_el1)) <= 0x10);
}

void cpu_errata_reset(void)
{
	unsigned int part = arm_part();

	if (part == PART_CORTEX_A57 || part == PART_CORTEX_A72) {
		write_sysreg_s(read_sysreg_s(CPUACTLR_EL1) | CPUACTLR_DIS_LOAD_PASS_STORE,
			       CPUACTLR_EL1);
		isb();
	}
}

const void *cpu_el3_vectors(void)
{
	return needs_btb_inval() ? el3_vectors_btb_inval : el3_vectors;
}

int64_t plat_arch_workaround(uint32_t fid)
{
	unsigned int part = arm_part();
	bool known = part == PART_CORTEX_A53 || part == PART_CORTEX_A57 || part == PART_CORTEX_A72;

	switch (fid) {
	case SMCCC_ARCH_WORKAROUND_1:
		if (needs_btb_inval())
			return SMCCC_SUCCESS;
		if (known || ID_FIELD(read_sysreg(id_aa64pfr0_el1), 56))	/* CSV2 */
			return SMCCC_WA_UNAFFECTED;
		return SMCCC_NOT_SUPPORTED;
	case SMCCC_ARCH_WORKAROUND_2:
		if (known || ID_FIELD(read_sysreg(id_aa64pfr1_el1), 4))	/* SSBS */
			return SMCCC_WA_NOT_REQUIRED;
		return SMCCC_NOT_SUPPORTED;
	case SMCCC_ARCH_WORKAROUND_3:
		if (needs_btb_inval())
			return SMCCC_SUCCESS;
		if (known || ID_FIELD(read_sysreg(id_aa64mmfr1_el1), 60))	/* ECBHB */
			return SMCCC_WA_UNAFFECTED;
		return SMCCC_NOT_SUPPORTED;
	default:
		return SMCCC_NOT_SUPPORTED;
	}
}
