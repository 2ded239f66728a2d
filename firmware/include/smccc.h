/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMC Calling Convention (Arm DEN0028): function-ID fields, return codes, and the dispatcher
 * that routes a call to the runtime service that owns it. Portable: also built on the host.
 */
#ifndef SMCCC_H
#define SMCCC_H

#include <stdbool.h>
#include <stdint.h>

/* The caller's registers, saved by the exception entry (arch/aarch64/vectors.S). */
struct smc_regs {
	uint64_t x[19];		/* x0..x18 */
	uint64_t x30;
};

#define SMCCC_FAST		(1U << 31)
#define SMCCC_64		(1U << 30)
#define SMCCC_OWNER(fid)	(((fid) >> 24) & 0x3f)
#define SMCCC_FAST_MBZ(fid)	(((fid) >> 16) & 0xff)	/* must be zero in a fast call */
#define SMCCC_FUNC_NUM(fid)	((fid) & 0xffff)

enum smccc_owner {
	OWNER_ARCH = 0,
	OWNER_CPU = 1,
	OWNER_SIP = 2,
	OWNER_OEM = 3,
	OWNER_STD = 4,		/* PSCI lives here */
	OWNER_STD_HYP = 5,
	OWNER_VENDOR_HYP = 6,
	OWNER_COUNT = 64,
};

/* Return codes (x0), sign-extended to 64 bits as Linux compares them against (long)-1. */
#define SMCCC_SUCCESS		0
#define SMCCC_NOT_SUPPORTED	(-1)
#define SMCCC_INVALID_PARAMS	(-2)
#define SMCCC_BUSY		(-3)

/* Arm architecture calls (owner 0). */
#define SMCCC_VERSION			0x80000000U
#define SMCCC_ARCH_FEATURES		0x80000001U
#define SMCCC_ARCH_WORKAROUND_1		0x80008000U	/* Spectre v2 (CVE-2017-5715) */
#define SMCCC_ARCH_WORKAROUND_2		0x80007fffU	/* Spectre v4 (CVE-2018-3639) */
#define SMCCC_ARCH_WORKAROUND_3		0x80003fffU	/* Spectre-BHB (CVE-2022-23960) */
#define SMCCC_VERSION_1_1		0x10001
/* SMCCC_ARCH_FEATURES answers for the workarounds (DEN0028, 7.5-7.7) */
#define SMCCC_WA_UNAFFECTED		1	/* this PE needs no call */
#define SMCCC_WA_NOT_REQUIRED		(-2)	/* no PE needs it (WA_2 only) */

/* A decoded call, as the services see it. SMC32 arguments are already truncated to 32 bits. */
struct smc_call {
	uint32_t fid;
	bool is_64;
	bool from_aarch32;	/* the caller was in AArch32: it can make no SMC64 call */
	uint64_t arg[7];	/* x1..x7 */
};

/* What a service writes back: x0..x3. Unset results are zero, never stale register values. */
struct smc_result {
	int64_t x0;
	uint64_t x1, x2, x3;
};

typedef void (*smc_service_fn)(const struct smc_call *call, struct smc_result *res);

struct smc_service {
	const char *name;
	uint8_t owner;
	smc_service_fn handle;
	/* Answers SMCCC_ARCH_FEATURES / PSCI_FEATURES: is this function ID implemented? */
	bool (*implements)(uint32_t fid);
};

/* The table of services, owner -> service (services/services.c). */
extern const struct smc_service *const smc_services[];
extern const unsigned int smc_service_count;

/*
 * Serve one SMC/HVC: validate the function ID, route it, write x0..x3 into @regs.
 * @from_aarch32: the caller was in AArch32 state (SMC64 calls are refused).
 */
void smccc_dispatch(struct smc_regs *regs, bool from_aarch32);

/*
 * Is @fid a call this firmware implements for a caller in AArch32 (@from_aarch32) or AArch64
 * state? (SMCCC_ARCH_FEATURES, PSCI_FEATURES: an AArch32 caller is never offered SMC64.)
 */
bool smccc_implements(uint32_t fid, bool from_aarch32);

#endif
