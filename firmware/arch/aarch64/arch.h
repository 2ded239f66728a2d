/* SPDX-License-Identifier: BSD-3-Clause */
/* AArch64 system-register access and barriers, in the style of boot-wrapper: C, not assembly. */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>

#define read_sysreg(reg) ({						\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " #reg : "=r"(__v));			\
	__v;								\
})

#define write_sysreg(val, reg) \
	__asm__ volatile("msr " #reg ", %0" : : "r"((uint64_t)(val)))

/* The same, for a register named by a macro (S3_op1_Cn_Cm_op2 for registers the assembler's
 * -march does not know): the extra level expands the name before it is stringified. */
#define read_sysreg_s(reg)		read_sysreg(reg)
#define write_sysreg_s(val, reg)	write_sysreg(val, reg)

#define isb()	__asm__ volatile("isb" ::: "memory")
#define dsb()	__asm__ volatile("dsb sy" ::: "memory")
#define sev()	__asm__ volatile("sev" ::: "memory")
#define wfe()	__asm__ volatile("wfe" ::: "memory")
#define wfi()	__asm__ volatile("wfi" ::: "memory")

/* SCR_EL3 */
#define SCR_NS		(1U << 0)
#define SCR_RES1	(3U << 4)
#define SCR_HCE		(1U << 8)	/* HVC allowed: the hvc conduit and Linux's own hyp stub */
#define SCR_SIF		(1U << 9)	/* no secure instruction fetch from non-secure memory */
#define SCR_RW		(1U << 10)	/* lower ELs are AArch64 */
#define SCR_APK		(1ULL << 16)	/* pointer authentication keys not trapped */
#define SCR_API		(1ULL << 17)	/* pointer authentication instructions not trapped */
#define SCR_ENSCXT	(1ULL << 25)
#define SCR_ATA		(1ULL << 26)	/* MTE allocation tags */
#define SCR_FGTEN	(1ULL << 27)
#define SCR_ECVEN	(1ULL << 28)
#define SCR_HXEN	(1ULL << 38)
#define SCR_ENTP2	(1ULL << 41)
#define SCR_TCR2EN	(1ULL << 43)
#define SCR_SCTLR2EN	(1ULL << 44)
#define SCR_PIEN	(1ULL << 45)

/* CPTR_EL3: set bits *enable* SVE and SME; all trap bits (TFP, TTA, TAM, TCPAC) stay 0. */
#define CPTR_EZ		(1U << 8)
#define CPTR_ESM	(1U << 12)
#define CPTR_TFP	(1U << 10)	/* FP/SIMD traps to EL3: only the test image's DIAG_TRAP */

/* SPSR: EL2h / EL1h with DAIF masked, as Documentation/arm64/booting.rst asks. */
#define SPSR_DAIF	(0xfU << 6)
#define SPSR_EL2H	(SPSR_DAIF | 0x9U)
#define SPSR_EL1H	(SPSR_DAIF | 0x5U)

#define HCR_EL2_RW	(1ULL << 31)	/* EL1 is AArch64; E2H clear (no VHE until Linux sets it) */

/* SCTLR_ELx with the MMU, caches and alignment checks off; only the RES1 bits set. */
#define SCTLR_EL2_RES1	0x30c50830ULL
#define SCTLR_EL3_RES1	0x30c50830ULL
#define SCTLR_SA	(1U << 3)	/* stack alignment check */

/* ESR_ELx exception classes the firmware expects from a lower EL. */
#define ESR_EC(esr)	(((esr) >> 26) & 0x3f)
#define EC_SMC32	0x13
#define EC_SMC64	0x17

#endif
