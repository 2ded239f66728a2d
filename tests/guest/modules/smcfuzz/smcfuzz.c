// SPDX-License-Identifier: GPL-2.0-only
/*
 * smcfuzz: random SMCCC calls from the non-secure side, each answer checked against the
 * firmware's ABI (docs/abi.md). Test-only.
 *
 *   echo "N SEED [smc|hvc] [regs] [parallel]" > /sys/kernel/debug/smcfuzz/run
 *   cat /sys/kernel/debug/smcfuzz/result
 *
 * N calls whose function IDs a deterministic PRNG (xorshift64*, seeded with SEED) draws from
 * the Arm architecture (owner 0), SiP (2), OEM (3), standard (4: PSCI and beyond) and standard
 * hypervisor (5) ranges, and from garbage: yielding calls, bits 23:16 set, the wrong width,
 * random owners. x1..x7 are random. Every answer is checked: an ID the firmware does not
 * implement must return NOT_SUPPORTED (-1, sign-extended to 64 bits: Linux compares x0 with
 * SMCCC_RET_NOT_SUPPORTED as an unsigned long), an ID it implements one of the values that
 * function may return.
 *
 * Never issued, whatever the PRNG draws (in either width and with any bits 23:16): the PSCI
 * calls that suspend, turn off, power off or reset, or change PSCI state; CPU_ON, except with
 * a target that matches no CPU; DIAG_EXIT; DIAG_FAULT (it would break the doorbells Linux
 * uses); DIAG_TRAP (it stops the machine on purpose); and, unless doorbells=1, the SCPI/SCMI
 * doorbells (ringing them over random shared memory is the hostile-client test's job).
 *
 * The calls go through the conduit PSCI uses (arm_smccc_1_1_invoke), or the one forced with
 * "smc"/"hvc". With "regs" they are made with the SMCCC 1.2 register file (x0..x17 random,
 * including garbage in the upper half of x0) and x4..x17 must also come back unchanged, as
 * SMCCC 1.1 promises and arm_smccc_1_1_invoke() relies on. With "parallel" the N calls are
 * split over one thread per online CPU.
 *
 * After the calls: AFFINITY_INFO of every possible CPU must match cpu_online(), SMCCC_VERSION
 * and PSCI_VERSION must still answer 1.1, DIAG_CHANNEL_COUNT must not have changed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm-smccc.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/cputype.h>
#include <asm/virt.h>

#include "board.h"		/* the board's function IDs and memory map */
#include "platform_def.h"	/* the secure RAM and devices an OS must never reach */

static bool doorbells;
module_param(doorbells, bool, 0644);
MODULE_PARM_DESC(doorbells, "also ring the board's SCPI/SCMI doorbells (random shared memory)");

/* Function-ID fields (SMCCC, Arm DEN0028). */
#define FID_FAST		BIT(31)
#define FID_64			BIT(30)
#define FID_MBZ			GENMASK(23, 16)	/* must be zero in a fast call */
#define FID_OWNER(fid)		(((fid) >> 24) & 0x3f)
#define FID_NUM(fid)		((fid) & 0xffff)
#define FID(owner, num)		(FID_FAST | (owner) << 24 | (num))
#define FID64(owner, num)	(FID(owner, num) | FID_64)

#define OWNER_ARCH		ARM_SMCCC_OWNER_ARCH
#define OWNER_SIP		ARM_SMCCC_OWNER_SIP
#define OWNER_OEM		ARM_SMCCC_OWNER_OEM
#define OWNER_STD		ARM_SMCCC_OWNER_STANDARD
#define OWNER_STD_HYP		ARM_SMCCC_OWNER_STANDARD_HYP
#define OWNER_VENDOR_HYP	ARM_SMCCC_OWNER_VENDOR_HYP

/* Return values in x0, as Linux sees them (sign-extended). */
#define RET_SUCCESS		0L
#define RET_NOT_SUPPORTED	(-1L)
#define RET_INVALID_PARAMS	(-2L)
#define RET_BUSY		(-3L)	/* doorbell already being served on another CPU */
#define RET_INVALID_ADDRESS	(-9L)	/* PSCI */

#define VERSION_1_1		0x10001L

/* Arm architecture calls. */
#define SMCCC_VERSION_FID	FID(OWNER_ARCH, 0x0000)
#define SMCCC_FEATURES_FID	FID(OWNER_ARCH, 0x0001)

/* PSCI function numbers (Arm DEN0022), owner 4, 0x00-0x1f. */
#define PSCI_VERSION		0x00
#define PSCI_CPU_SUSPEND	0x01
#define PSCI_CPU_OFF		0x02
#define PSCI_CPU_ON		0x03
#define PSCI_AFFINITY_INFO	0x04
#define PSCI_MIGRATE		0x05
#define PSCI_MIGRATE_INFO_TYPE	0x06
#define PSCI_MIGRATE_INFO_UP	0x07
#define PSCI_SYSTEM_OFF		0x08
#define PSCI_SYSTEM_RESET	0x09
#define PSCI_FEATURES		0x0a
#define PSCI_CPU_FREEZE		0x0b
#define PSCI_CPU_DEF_SUSPEND	0x0c
#define PSCI_NODE_HW_STATE	0x0d
#define PSCI_SYSTEM_SUSPEND	0x0e
#define PSCI_SET_SUSPEND_MODE	0x0f
#define PSCI_STAT_RESIDENCY	0x10
#define PSCI_STAT_COUNT		0x11
#define PSCI_SYSTEM_RESET2	0x12
#define PSCI_MEM_PROTECT	0x13
#define PSCI_MEM_PROTECT_RANGE	0x14
#define PSCI_SYSTEM_OFF2	0x15
#define PSCI_NUM_FNS		0x20

/* What turns a CPU off or on, suspends, powers off, resets or changes PSCI state. */
#define PSCI_STATE_CHANGING \
	(BIT(PSCI_CPU_SUSPEND) | BIT(PSCI_CPU_OFF) | BIT(PSCI_CPU_ON) | BIT(PSCI_MIGRATE) | \
	 BIT(PSCI_SYSTEM_OFF) | BIT(PSCI_SYSTEM_RESET) | BIT(PSCI_CPU_FREEZE) | \
	 BIT(PSCI_CPU_DEF_SUSPEND) | BIT(PSCI_SYSTEM_SUSPEND) | BIT(PSCI_SET_SUSPEND_MODE) | \
	 BIT(PSCI_SYSTEM_RESET2) | BIT(PSCI_MEM_PROTECT) | BIT(PSCI_SYSTEM_OFF2))

#define PSCI_FID(n)		FID(OWNER_STD, n)
#define PSCI_FID64(n)		FID64(OWNER_STD, n)
#define PSCI_TOS_NOT_PRESENT_MP	2L
#define PSCI_STATE_ON		0L
#define PSCI_STATE_OFF		1L
#define PSCI_STATE_ON_PENDING	2L

#define SIP_FID(n)		FID(OWNER_SIP, n)

/* The board's doorbells (BOARD_CHANNELS): shared-memory ones, and the register-mode echo. */
struct board_channel {
	u32 fid;
	bool shmem;
};

#define BOARD_CHANNEL(id, dt_name, fid, off, size, svc) { fid, (size) != 0 },
static const struct board_channel board_channels[] = { BOARD_CHANNELS(BOARD_CHANNEL) };

#define FUZZ_MAX_CALLS		1000000000ULL
#define FUZZ_MAX_CPUS		32
#define FUZZ_MAX_RECORDS	8
#define FUZZ_NREGS		18	/* x0..x17 */

#ifndef CONFIG_ARM64
/*
 * A 32-bit kernel has no SMCCC 1.2 register file (arm_smccc_1_2_*() are arm64 only): the same
 * layout, so the calls keep one shape, made with arm_smccc_1_1_*(); "regs" is refused.
 */
struct arm_smccc_1_2_regs {
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15,
		a16, a17;
};
#endif

/* Function IDs worth drawing on purpose: the firmware's own, their neighbours, well-known. */
static const u32 known_fids[] = {
	SMCCC_VERSION_FID, SMCCC_FEATURES_FID,
	FID(OWNER_ARCH, 0x0002),		/* SMCCC_ARCH_SOC_ID */
	FID(OWNER_ARCH, 0x3fff),		/* SMCCC_ARCH_WORKAROUND_3 */
	FID(OWNER_ARCH, 0x7fff),		/* SMCCC_ARCH_WORKAROUND_2 */
	FID(OWNER_ARCH, 0x8000),		/* SMCCC_ARCH_WORKAROUND_1 */
	FID64(OWNER_ARCH, 0x0000),
	PSCI_FID(PSCI_VERSION), PSCI_FID(PSCI_AFFINITY_INFO), PSCI_FID64(PSCI_AFFINITY_INFO),
	PSCI_FID(PSCI_MIGRATE_INFO_TYPE), PSCI_FID(PSCI_MIGRATE_INFO_UP),
	PSCI_FID64(PSCI_MIGRATE_INFO_UP), PSCI_FID(PSCI_FEATURES), PSCI_FID(PSCI_NODE_HW_STATE),
	PSCI_FID64(PSCI_NODE_HW_STATE), PSCI_FID(PSCI_STAT_RESIDENCY),
	PSCI_FID64(PSCI_STAT_COUNT), PSCI_FID(PSCI_MEM_PROTECT_RANGE),
	PSCI_FID64(PSCI_VERSION), PSCI_FID64(PSCI_FEATURES), PSCI_FID(0x1f),
	FID(OWNER_STD, 0xff00), FID(OWNER_STD, 0xff01), FID(OWNER_STD, 0xff03),
	FID64(OWNER_STD, 0x0020),		/* SDEI_VERSION */
	FID(OWNER_STD, 0x0050), FID(OWNER_STD, 0x0051),	/* TRNG_VERSION, _FEATURES */
	FID64(OWNER_STD, 0x0053),		/* TRNG_RND64 */
	FID64(OWNER_STD_HYP, 0x0020), FID64(OWNER_STD_HYP, 0x0021),	/* PV_TIME */
	FID(OWNER_VENDOR_HYP, 0xff01),		/* vendor hypervisor UID (KVM) */
#define KNOWN_CHANNEL(id, dt_name, fid, off, size, svc) fid,
	BOARD_CHANNELS(KNOWN_CHANNEL)
	BOARD_FID_DIAG_COUNTERS, BOARD_FID_DIAG_ECHO, BOARD_FID_DIAG_CHANNEL_COUNT,
	BOARD_FID_DIAG_TIMING, BOARD_FID_DIAG_FAULT, BOARD_FID_DIAG_RESET_LINE,
	BOARD_FID_DIAG_MEM_ATTR,
	SIP_FID(0x0000), SIP_FID(0x0003), SIP_FID(0x0012), SIP_FID(0x0021), SIP_FID(0xfeff),
	SIP_FID(0xff04), SIP_FID(0xffff),
#define KNOWN_CHANNEL64(id, dt_name, fid, off, size, svc) ((fid) | FID_64),
	BOARD_CHANNELS(KNOWN_CHANNEL64)
	BOARD_FID_DIAG_ECHO | FID_64,
	FID(OWNER_OEM, 0x0000), FID(OWNER_OEM, 0xff01),
	FID(50, 0xff01), FID(63, 0xff01),	/* trusted OS UIDs (OP-TEE is 63) */
	0x32000004,				/* a yielding trusted OS call */
};

/* Argument values worth drawing on purpose: edges, and the addresses of docs/abi.md. */
static const u64 interesting_args[] = {
	0, 1, 2, 3, 4, 7, 8, 0xff, 0x100, 0xffff, 0x10000,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL, 0xffffffff00000000ULL,
	0x7fffffffffffffffULL, 0x8000000000000000ULL, ~0ULL, ~1ULL,
	0x00000000,				/* flash */
	PLAT_SEC_RAM_BASE, PLAT_SEC_RAM_BASE + PLAT_SEC_RAM_SIZE / 2,
	PLAT_GICD_BASE, PLAT_SEC_UART_BASE, PLAT_SEC_GPIO_BASE,
	BOARD_NS_RAM_BASE, BOARD_KERNEL_BASE, BOARD_DTB_BASE,
	BOARD_NS_FW_BASE, BOARD_SHMEM_BASE, BOARD_SHMEM_BASE + 0x4000,
	BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE - 1, BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE,
};

/* How a run makes its calls, and what the checks need to know about the system. */
struct fuzz_env {
	int conduit;			/* SMCCC_CONDUIT_SMC or _HVC */
	bool forced;			/* conduit given by the writer, not PSCI's */
	bool regs;			/* SMCCC 1.2 register file, x4..x17 checked */
	bool doorbells;
	bool cpu_on_ok;			/* a target with Aff1/Aff2 set matches no CPU */
	unsigned long channels;		/* DIAG_CHANNEL_COUNT before the run */
	long wa[3];			/* ARCH_FEATURES(WORKAROUND_1/2/3) before the run: per core */
	unsigned int ncpus;		/* possible CPUs ... */
	unsigned int cpu[FUZZ_MAX_CPUS];	/* ... their Linux numbers */
	u64 hwid[FUZZ_MAX_CPUS];	/* ... and MPIDR affinity fields (device tree) */
};

enum {
	OWN_ARCH, OWN_CPU, OWN_SIP, OWN_OEM, OWN_STD, OWN_STD_HYP, OWN_VENDOR_HYP, OWN_OTHER,
	OWN_N
};

static const char * const owner_names[OWN_N] = {
	"arch", "cpu", "sip", "oem", "standard", "standard-hyp", "vendor-hyp", "other",
};

/* Only u64 members: fuzz_stats_add() adds them as an array. */
struct fuzz_stats {
	u64 calls;
	u64 owner[OWN_N];
	u64 smc64;
	u64 yielding;
	u64 mbz;			/* fast calls with bits 23:16 set */
	u64 x0_high;			/* garbage in x0[63:32] */
	u64 cpu_on_invalid;
	u64 implemented;
	u64 not_supported;
	u64 violations;
	u64 regs_clobbered;
};

struct fuzz_record {
	unsigned long in[4];
	unsigned long out[4];
	const char *why;
};

struct fuzz_run {
	struct fuzz_env env;
	bool stop;
	atomic_t running;
	struct completion done;
	spinlock_t lock;		/* rec, nrec */
	struct fuzz_record rec[FUZZ_MAX_RECORDS];
	unsigned int nrec;
};

struct fuzz_worker {
	struct fuzz_run *run;
	u64 seed;
	u64 n;
	struct fuzz_stats st;
};

static DEFINE_MUTEX(fuzz_lock);		/* one run at a time; fuzz_result */
static char fuzz_result[4096] = "no run yet\n";
static struct dentry *fuzz_dir;

/* ---- deterministic PRNG: xorshift64* ---- */

static u64 rng_next(u64 *s)
{
	u64 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static u32 rng_below(u64 *s, u32 n)
{
	return (u32)(((rng_next(s) >> 32) * n) >> 32);
}

static bool rng_chance(u64 *s, u32 percent)
{
	return rng_below(s, 100) < percent;
}

/* ---- what the firmware implements, and what each function may answer ---- */

/* The board's doorbell whose function number (bits 15:0) is num, in either width. */
static const struct board_channel *board_channel(u32 num)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(board_channels); i++)
		if (FID_NUM(board_channels[i].fid) == num)
			return &board_channels[i];
	return NULL;
}

static bool sip_is_shmem_doorbell(u32 num)
{
	const struct board_channel *ch = board_channel(num);

	return ch && ch->shmem;
}

/* Calls that must never be issued with random arguments (see the top of the file). */
static bool fid_forbidden(const struct fuzz_env *env, u32 fid)
{
	u32 num = FID_NUM(fid);

	switch (FID_OWNER(fid)) {
	case OWNER_STD:
		return num < PSCI_NUM_FNS && (PSCI_STATE_CHANGING & BIT(num));
	case OWNER_SIP:
		return num == FID_NUM(BOARD_FID_DIAG_EXIT) ||
		       num == FID_NUM(BOARD_FID_DIAG_FAULT) ||
		       num == FID_NUM(BOARD_FID_DIAG_TRAP) ||
		       (!env->doorbells && sip_is_shmem_doorbell(num));
	default:
		return false;
	}
}

#define WA_1_FID	FID(OWNER_ARCH, 0x8000)
#define WA_2_FID	FID(OWNER_ARCH, 0x7fff)
#define WA_3_FID	FID(OWNER_ARCH, 0x3fff)

/* The index of a Spectre workaround's ID in env->wa, or -1. */
static int wa_index(u32 fid)
{
	return fid == WA_1_FID ? 0 : fid == WA_2_FID ? 1 : fid == WA_3_FID ? 2 : -1;
}

/*
 * docs/abi.md: every function ID the firmware serves; anything else is NOT_SUPPORTED. The
 * Spectre workarounds depend on the core (firmware/arch/aarch64/cpu_errata.c): what
 * ARCH_FEATURES said before the run is what the firmware must keep saying.
 */
static bool fw_implements(const struct fuzz_env *env, u32 fid)
{
	const struct board_channel *ch = board_channel(FID_NUM(fid));
	int wa = wa_index(fid);

	/* A 32-bit kernel is an AArch32 caller: no SMC64 call exists for it (SMCCC 2.5). */
	if (!IS_ENABLED(CONFIG_64BIT) && (fid & FID_64))
		return false;
	if (ch && ch->fid == fid)
		return true;
	if (wa >= 0)
		return env->wa[wa] != RET_NOT_SUPPORTED;
	switch (fid) {
	case SMCCC_VERSION_FID:
	case SMCCC_FEATURES_FID:
	case PSCI_FID(PSCI_CPU_SUSPEND):
	case PSCI_FID64(PSCI_CPU_SUSPEND):
	case PSCI_FID(PSCI_VERSION):
	case PSCI_FID(PSCI_CPU_OFF):
	case PSCI_FID(PSCI_CPU_ON):
	case PSCI_FID64(PSCI_CPU_ON):
	case PSCI_FID(PSCI_AFFINITY_INFO):
	case PSCI_FID64(PSCI_AFFINITY_INFO):
	case PSCI_FID(PSCI_MIGRATE_INFO_TYPE):
	case PSCI_FID(PSCI_SYSTEM_OFF):
	case PSCI_FID(PSCI_SYSTEM_RESET):
	case PSCI_FID(PSCI_FEATURES):
	case BOARD_FID_DIAG_EXIT:
	case BOARD_FID_DIAG_COUNTERS:
	case BOARD_FID_DIAG_ECHO:
	case BOARD_FID_DIAG_CHANNEL_COUNT:
	case BOARD_FID_DIAG_TIMING:
	case BOARD_FID_DIAG_FAULT:
	case BOARD_FID_DIAG_RESET_LINE:
	case BOARD_FID_DIAG_MEM_ATTR:
		return true;
	default:
		return false;
	}
}

/*
 * PSCI target_cpu: bits 63:40 and 31:24 must be zero, the affinity fields must match a CPU's
 * MPIDR. Returns the index in env->hwid, or -1.
 */
static int psci_target(const struct fuzz_env *env, u64 target)
{
	unsigned int i;

	if (target & ~MPIDR_HWID_BITMASK)
		return -1;
	for (i = 0; i < env->ncpus; i++)
		if (env->hwid[i] == target)
			return i;
	return -1;
}

static const char *check_affinity_info(const struct fuzz_env *env, u64 target, u64 level,
				       long x0)
{
	int i = psci_target(env, target);

	if (i < 0 || level)
		return x0 == RET_INVALID_PARAMS ? NULL :
		       "AFFINITY_INFO: no such CPU or level != 0, but not INVALID_PARAMETERS";
	if (cpu_online(env->cpu[i]))
		return x0 == PSCI_STATE_ON ? NULL : "AFFINITY_INFO: an online CPU is not ON";
	return x0 == PSCI_STATE_OFF || x0 == PSCI_STATE_ON_PENDING ? NULL :
	       "AFFINITY_INFO: an offline CPU is neither OFF nor ON_PENDING";
}

/* NULL when the answer is one the ABI allows for this call, else why not. */
static const char *check_answer(const struct fuzz_env *env, const unsigned long *in,
				const struct arm_smccc_1_2_regs *out)
{
	u32 fid = (u32)in[0];	/* SMCCC: the function ID is w0 */
	bool is64 = fid & FID_64;
	u64 a1 = is64 ? in[1] : (u32)in[1];
	u64 a2 = is64 ? in[2] : (u32)in[2];
	u64 a3 = is64 ? in[3] : (u32)in[3];
	long x0 = (long)out->a0;
	const struct board_channel *ch = board_channel(FID_NUM(fid));

	if (!fw_implements(env, fid))
		return x0 == RET_NOT_SUPPORTED ? NULL :
		       "an ID the ABI does not define did not return NOT_SUPPORTED";
	if (ch && ch->fid == fid && ch->shmem)
		return x0 == RET_SUCCESS || x0 == RET_INVALID_PARAMS || x0 == RET_BUSY ? NULL :
		       "doorbell: not SUCCESS, INVALID_PARAMETERS or BUSY";
	if (ch && ch->fid == fid) {
		/* the register-mode echo channel */
		if (x0 == RET_BUSY)
			return NULL;
		if (x0 != RET_SUCCESS)
			return "test doorbell: neither served nor BUSY";
		return (u32)out->a1 == (u32)a1 && (u32)out->a2 == (u32)a2 ? NULL :
		       "test doorbell: x1, x2 not echoed";
	}

	switch (fid) {
	case WA_1_FID:
	case WA_3_FID:
		/* The call is served only where ARCH_FEATURES said 0 ("call it"). */
		return x0 == (env->wa[wa_index(fid)] == RET_SUCCESS ? RET_SUCCESS : RET_NOT_SUPPORTED) ?
		       NULL : "WORKAROUND_1/3: answer disagrees with ARCH_FEATURES";
	case WA_2_FID:
		return x0 == RET_NOT_SUPPORTED ? NULL : "WORKAROUND_2 was served";
	case SMCCC_VERSION_FID:
	case PSCI_FID(PSCI_VERSION):
		return x0 == VERSION_1_1 ? NULL : "version is not 1.1";
	case SMCCC_FEATURES_FID:
		if (wa_index((u32)a1) >= 0)
			return x0 == env->wa[wa_index((u32)a1)] ? NULL :
			       "ARCH_FEATURES(WORKAROUND_n) changed";
		fallthrough;
	case PSCI_FID(PSCI_FEATURES):
		return x0 == (fw_implements(env, (u32)a1) ? RET_SUCCESS : RET_NOT_SUPPORTED) ?
		       NULL : "FEATURES disagrees with the ABI";
	case PSCI_FID(PSCI_CPU_ON):
	case PSCI_FID64(PSCI_CPU_ON):
		/* Only ever issued with a target that matches no CPU. */
		return x0 == RET_INVALID_PARAMS || x0 == RET_INVALID_ADDRESS ? NULL :
		       "CPU_ON of no CPU did not fail with INVALID_PARAMETERS";
	case PSCI_FID(PSCI_AFFINITY_INFO):
	case PSCI_FID64(PSCI_AFFINITY_INFO):
		return check_affinity_info(env, a1, a2, x0);
	case PSCI_FID(PSCI_MIGRATE_INFO_TYPE):
		return x0 == PSCI_TOS_NOT_PRESENT_MP ? NULL : "MIGRATE_INFO_TYPE changed";
	case BOARD_FID_DIAG_COUNTERS:
		return x0 == ((u32)a1 < env->channels ? RET_SUCCESS : RET_INVALID_PARAMS) ? NULL :
		       "DIAG_COUNTERS: wrong answer for this channel index";
	case BOARD_FID_DIAG_ECHO:
		return x0 == RET_SUCCESS && (u32)out->a1 == (u32)a1 &&
		       (u32)out->a2 == (u32)a2 && (u32)out->a3 == (u32)a3 ? NULL :
		       "DIAG_ECHO: x1..x3 not echoed";
	case BOARD_FID_DIAG_CHANNEL_COUNT:
		return x0 == (long)env->channels ? NULL : "DIAG_CHANNEL_COUNT changed";
	case BOARD_FID_DIAG_TIMING:
		return x0 == ((u32)a1 < env->channels ? RET_SUCCESS : RET_INVALID_PARAMS) ? NULL :
		       "DIAG_TIMING: wrong answer for this channel index";
	case BOARD_FID_DIAG_RESET_LINE:
		/* A line of the model: its state (0 or 1); any other index: INVALID_PARAMETERS. */
		if (x0 == RET_INVALID_PARAMS)
			return NULL;
		return x0 == RET_SUCCESS && out->a1 <= 1 ? NULL :
		       "DIAG_RESET_LINE: neither a line's state nor INVALID_PARAMETERS";
	case BOARD_FID_DIAG_MEM_ATTR:
		return x0 == RET_SUCCESS ? NULL : "DIAG_MEM_ATTR: no PAR_EL1";
	default:
		return "a call that must never be issued was issued";
	}
}

/* ---- making calls ---- */

static void fuzz_invoke(const struct fuzz_env *env, const struct arm_smccc_1_2_regs *in,
			struct arm_smccc_1_2_regs *out)
{
	struct arm_smccc_res res;

#ifdef CONFIG_ARM64
	if (env->regs) {
		if (env->conduit == SMCCC_CONDUIT_HVC)
			arm_smccc_1_2_hvc(in, out);
		else
			arm_smccc_1_2_smc(in, out);
		return;
	}
#endif
	if (!env->forced)
		arm_smccc_1_1_invoke(in->a0, in->a1, in->a2, in->a3, in->a4, in->a5, in->a6,
				     in->a7, &res);
	else if (env->conduit == SMCCC_CONDUIT_HVC)
		arm_smccc_1_1_hvc(in->a0, in->a1, in->a2, in->a3, in->a4, in->a5, in->a6,
				  in->a7, &res);
	else
		arm_smccc_1_1_smc(in->a0, in->a1, in->a2, in->a3, in->a4, in->a5, in->a6,
				  in->a7, &res);
	memcpy(out, in, sizeof(*out));
	out->a0 = res.a0;
	out->a1 = res.a1;
	out->a2 = res.a2;
	out->a3 = res.a3;
}

/* A call with three arguments, the rest zero, through the run's conduit and mode. */
static long fuzz_call3(const struct fuzz_env *env, u32 fid, u64 a1, u64 a2)
{
	struct arm_smccc_1_2_regs in = { .a0 = fid, .a1 = a1, .a2 = a2 }, out;

	fuzz_invoke(env, &in, &out);
	return (long)out.a0;
}

static u64 gen_arg(u64 *s)
{
	switch (rng_below(s, 8)) {
	case 0:
		return interesting_args[rng_below(s, ARRAY_SIZE(interesting_args))];
	case 1:
		return interesting_args[rng_below(s, ARRAY_SIZE(interesting_args))] +
		       (u64)rng_below(s, 0x2000) - 0x1000;
	case 2:
		return rng_below(s, 32);
	case 3:
		return known_fids[rng_below(s, ARRAY_SIZE(known_fids))];
	case 4:
		return (u32)rng_next(s);
	default:
		return rng_next(s);
	}
}

/* A PSCI target: a CPU's MPIDR, or one with bits set that PSCI says must be zero, or junk. */
static u64 gen_target(u64 *s, const struct fuzz_env *env)
{
	u64 t = env->hwid[rng_below(s, env->ncpus)];

	switch (rng_below(s, 8)) {
	case 0:
		return t | BIT_ULL(24 + rng_below(s, 8));	/* bits 31:24 */
	case 1:
		return t | BIT_ULL(40 + rng_below(s, 24));	/* bits 63:40 */
	case 2:
		return t | BIT_ULL(8 + rng_below(s, 16));	/* Aff1, Aff2 */
	case 3:
		return t | BIT_ULL(32 + rng_below(s, 8));	/* Aff3 */
	case 4:
		return rng_below(s, 256);			/* Aff0 only */
	case 5:
		return gen_arg(s);
	default:
		return t;
	}
}

static u32 gen_in_owner(u64 *s, u32 owner, u32 nums)
{
	return FID_FAST | (rng_chance(s, 30) ? FID_64 : 0) | owner << 24 | rng_below(s, nums);
}

static u32 gen_fid(u64 *s)
{
	u32 p = rng_below(s, 100);
	u32 known = known_fids[rng_below(s, ARRAY_SIZE(known_fids))];

	if (p < 25)
		return known;
	if (p < 32)
		return gen_in_owner(s, OWNER_ARCH, 0x10000);
	if (p < 42)
		return gen_in_owner(s, OWNER_SIP, rng_chance(s, 50) ? 0x40 : 0x10000);
	if (p < 46)
		return gen_in_owner(s, OWNER_OEM, 0x10000);
	if (p < 60)
		return gen_in_owner(s, OWNER_STD, rng_chance(s, 60) ? PSCI_NUM_FNS : 0x10000);
	if (p < 65)
		return gen_in_owner(s, OWNER_STD_HYP, 0x10000);

	/* Garbage. */
	switch (rng_below(s, 6)) {
	case 0:
		return (u32)rng_next(s);
	case 1:
		return known | (1 + rng_below(s, 255)) << 16;	/* bits 23:16 set */
	case 2:
		return known & ~FID_FAST;			/* yielding */
	case 3:
		return known ^ FID_64;				/* the other width */
	case 4:
		return (u32)rng_next(s) & ~FID_FAST;		/* any yielding call */
	default:						/* unowned, CPU, TA, TOS */
		p = rng_below(s, 59);
		return gen_in_owner(s, p ? p + 5 : ARM_SMCCC_OWNER_CPU, 0x10000);
	}
}

/* CPU_ON whose target matches no CPU: an Aff1/Aff2 bit set (kept by SMC32 truncation). */
static void gen_cpu_on_invalid(u64 *s, unsigned long *x)
{
	x[0] = rng_chance(s, 50) ? PSCI_FID(PSCI_CPU_ON) : PSCI_FID64(PSCI_CPU_ON);
	x[1] = gen_arg(s) | BIT_ULL(8 + rng_below(s, 16));
}

static void gen_call(u64 *s, const struct fuzz_env *env, struct arm_smccc_1_2_regs *r)
{
	unsigned long *x = (unsigned long *)r;	/* a0..a17 */
	unsigned int i;
	u32 fid;

	BUILD_BUG_ON(sizeof(*r) != FUZZ_NREGS * sizeof(unsigned long));

	for (i = 1; i < FUZZ_NREGS; i++)
		x[i] = gen_arg(s);
	if (env->cpu_on_ok && rng_chance(s, 1)) {
		gen_cpu_on_invalid(s, x);
		return;
	}
	do {
		fid = gen_fid(s);
	} while (fid_forbidden(env, fid));
	x[0] = fid;

	if (FID_OWNER(fid) == OWNER_STD &&
	    (FID_NUM(fid) == PSCI_AFFINITY_INFO || FID_NUM(fid) == PSCI_NODE_HW_STATE)) {
		x[1] = gen_target(s, env);
		x[2] = rng_chance(s, 75) ? 0 : gen_arg(s);
	}
	/* Only the 1.2 register file passes x0[63:32]: arm_smccc_1_1_*() truncates to w0. */
	if (env->regs && rng_chance(s, 5))
		x[0] |= ((u64)(u32)rng_next(s) | 1) << 32;
}

/* ---- a run ---- */

static void fuzz_count(const struct fuzz_env *env, struct fuzz_stats *st, unsigned long x0)
{
	u32 fid = (u32)x0;
	u32 owner = FID_OWNER(fid);

	st->calls++;
	st->owner[owner < OWN_OTHER ? owner : OWN_OTHER]++;
	if (!(fid & FID_FAST))
		st->yielding++;
	else if (fid & FID_MBZ)
		st->mbz++;
	if (fid & FID_64)
		st->smc64++;
	if ((u64)x0 >> 32)
		st->x0_high++;
	if (fw_implements(env, fid))
		st->implemented++;
	if (FID_OWNER(fid) == OWNER_STD && FID_NUM(fid) == PSCI_CPU_ON)
		st->cpu_on_invalid++;
}

static void fuzz_record(struct fuzz_run *run, const struct arm_smccc_1_2_regs *in,
			const struct arm_smccc_1_2_regs *out, const char *why)
{
	spin_lock(&run->lock);
	if (run->nrec < FUZZ_MAX_RECORDS) {
		struct fuzz_record *r = &run->rec[run->nrec++];

		r->in[0] = in->a0;
		r->in[1] = in->a1;
		r->in[2] = in->a2;
		r->in[3] = in->a3;
		r->out[0] = out->a0;
		r->out[1] = out->a1;
		r->out[2] = out->a2;
		r->out[3] = out->a3;
		r->why = why;
	}
	spin_unlock(&run->lock);
	pr_err_ratelimited("%s: %#lx(%#lx, %#lx, %#lx) -> %#lx %#lx %#lx %#lx\n", why, in->a0,
			   in->a1, in->a2, in->a3, out->a0, out->a1, out->a2, out->a3);
}

static bool regs_preserved(const struct arm_smccc_1_2_regs *in,
			   const struct arm_smccc_1_2_regs *out)
{
	const unsigned long *x = (const unsigned long *)in, *y = (const unsigned long *)out;
	unsigned int i;

	for (i = 4; i < FUZZ_NREGS; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

static void fuzz_work(struct fuzz_worker *w)
{
	struct fuzz_run *run = w->run;
	const struct fuzz_env *env = &run->env;
	struct arm_smccc_1_2_regs in, out;
	const char *why;
	u64 s = w->seed, i;

	for (i = 0; i < w->n; i++) {
		if (!(i % 256)) {
			cond_resched();
			if (READ_ONCE(run->stop) || fatal_signal_pending(current))
				break;
		}
		gen_call(&s, env, &in);
		fuzz_count(env, &w->st, in.a0);
		fuzz_invoke(env, &in, &out);
		if ((long)out.a0 == RET_NOT_SUPPORTED)
			w->st.not_supported++;
		why = check_answer(env, (const unsigned long *)&in, &out);
		if (!why && env->regs && !regs_preserved(&in, &out)) {
			w->st.regs_clobbered++;
			why = "x4..x17 not preserved (SMCCC 1.1)";
		}
		if (why) {
			w->st.violations++;
			fuzz_record(run, &in, &out, why);
		}
	}
}

static int fuzz_thread(void *data)
{
	struct fuzz_worker *w = data;
	struct fuzz_run *run = w->run;

	fuzz_work(w);
	if (atomic_dec_and_test(&run->running))
		complete(&run->done);
	return 0;
}

static void fuzz_stats_add(struct fuzz_stats *sum, const struct fuzz_stats *st)
{
	u64 *d = (u64 *)sum;
	const u64 *v = (const u64 *)st;
	unsigned int i;

	for (i = 0; i < sizeof(*st) / sizeof(u64); i++)
		d[i] += v[i];
}

/* One thread per online CPU, each with its share of @n; @w has nr_cpu_ids entries. */
static int fuzz_parallel(struct fuzz_run *run, struct fuzz_worker *w, u64 n, u64 seed,
			 unsigned int *threads)
{
	unsigned int cpu, nthreads, k = 0;
	struct task_struct *t;
	u32 rem;
	u64 per;
	int ret = 0;

	cpus_read_lock();
	nthreads = num_online_cpus();
	per = div_u64_rem(n, nthreads, &rem);
	atomic_set(&run->running, 1);	/* held by us until every thread is started */
	for_each_online_cpu(cpu) {
		w[k].run = run;
		w[k].n = per + (k < rem ? 1 : 0);
		w[k].seed = (seed + (k + 1) * 0x9e3779b97f4a7c15ULL) ?: 1;
		t = kthread_create_on_node(fuzz_thread, &w[k], cpu_to_node(cpu), "smcfuzz/%u",
					   cpu);
		if (IS_ERR(t)) {
			ret = PTR_ERR(t);
			break;
		}
		kthread_bind(t, cpu);
		atomic_inc(&run->running);
		wake_up_process(t);
		k++;
	}
	cpus_read_unlock();
	*threads = k;
	if (!atomic_dec_and_test(&run->running)) {
		while (!wait_for_completion_timeout(&run->done, HZ))
			if (fatal_signal_pending(current))
				WRITE_ONCE(run->stop, true);
	}
	return ret;
}

/* After the calls: PSCI state untouched, the firmware still answers. Returns failures. */
static unsigned int fuzz_postcheck(struct fuzz_run *run, char *buf, size_t size, size_t *len)
{
	const struct fuzz_env *env = &run->env;
	unsigned int i, bad = 0;
	long x0, want;

	for (i = 0; i < env->ncpus; i++) {
		/* In the caller's width: a 32-bit kernel can make SMC32 calls only. */
		x0 = fuzz_call3(env, IS_ENABLED(CONFIG_64BIT) ? PSCI_FID64(PSCI_AFFINITY_INFO) :
				PSCI_FID(PSCI_AFFINITY_INFO), env->hwid[i], 0);
		want = cpu_online(env->cpu[i]) ? PSCI_STATE_ON : PSCI_STATE_OFF;
		if (x0 != want) {
			bad++;
			*len += scnprintf(buf + *len, size - *len,
					  "postcheck: cpu%u (mpidr %#llx) online=%d but AFFINITY_INFO %ld\n",
					  env->cpu[i], env->hwid[i], cpu_online(env->cpu[i]), x0);
		}
	}
	x0 = fuzz_call3(env, SMCCC_VERSION_FID, 0, 0);
	if (x0 != VERSION_1_1) {
		bad++;
		*len += scnprintf(buf + *len, size - *len, "postcheck: SMCCC_VERSION %#lx\n", x0);
	}
	x0 = fuzz_call3(env, PSCI_FID(PSCI_VERSION), 0, 0);
	if (x0 != VERSION_1_1) {
		bad++;
		*len += scnprintf(buf + *len, size - *len, "postcheck: PSCI_VERSION %#lx\n", x0);
	}
	x0 = fuzz_call3(env, BOARD_FID_DIAG_CHANNEL_COUNT, 0, 0);
	if (x0 != (long)env->channels) {
		bad++;
		*len += scnprintf(buf + *len, size - *len, "postcheck: DIAG_CHANNEL_COUNT %ld\n",
				  x0);
	}
	return bad;
}

static int fuzz_env_init(struct fuzz_env *env)
{
	unsigned int cpu, i;

	for_each_possible_cpu(cpu) {
		struct device_node *np;
		const __be32 *reg;
		int len, ac;

		if (env->ncpus == FUZZ_MAX_CPUS)
			break;
		np = of_get_cpu_node(cpu, NULL);
		if (!np)
			return -ENODEV;
		reg = of_get_property(np, "reg", &len);
		ac = of_n_addr_cells(np);
		of_node_put(np);
		if (!reg || len < ac * (int)sizeof(*reg))
			return -ENODEV;
		env->cpu[env->ncpus] = cpu;
		env->hwid[env->ncpus++] = of_read_number(reg, ac) & MPIDR_HWID_BITMASK;
	}
	if (!env->ncpus)
		return -ENODEV;
	env->cpu_on_ok = true;
	for (i = 0; i < env->ncpus; i++)
		if (env->hwid[i] & GENMASK_ULL(23, 8))
			env->cpu_on_ok = false;
	env->channels = fuzz_call3(env, BOARD_FID_DIAG_CHANNEL_COUNT, 0, 0);
	env->wa[0] = fuzz_call3(env, SMCCC_FEATURES_FID, WA_1_FID, 0);
	env->wa[1] = fuzz_call3(env, SMCCC_FEATURES_FID, WA_2_FID, 0);
	env->wa[2] = fuzz_call3(env, SMCCC_FEATURES_FID, WA_3_FID, 0);
	return 0;
}

static const char *conduit_name(int conduit)
{
	return conduit == SMCCC_CONDUIT_HVC ? "hvc" : "smc";
}

static void fuzz_report(struct fuzz_run *run, const struct fuzz_stats *st, u64 n, u64 seed,
			unsigned int threads, u64 ns, bool stopped)
{
	const struct fuzz_env *env = &run->env;
	char *buf = fuzz_result;
	size_t size = sizeof(fuzz_result), len = 0;
	unsigned int i, post;

	len += scnprintf(buf + len, size - len,
			 "requested: %llu\nseed: %llu\nconduit: %s%s\nmode: %s\nthreads: %u\n"
			 "doorbells: %d\ncalls: %llu\n", n, seed, conduit_name(env->conduit),
			 env->forced ? " (forced)" : "",
			 env->regs ? "smccc-1.2-regs" : "smccc-1.1", threads, env->doorbells,
			 st->calls);
	for (i = 0; i < OWN_N; i++)
		len += scnprintf(buf + len, size - len, "owner-%s: %llu\n", owner_names[i],
				 st->owner[i]);
	len += scnprintf(buf + len, size - len,
			 "smc64: %llu\nyielding: %llu\nmbz-set: %llu\nx0-high: %llu\n"
			 "cpu-on-invalid: %llu\nimplemented: %llu\nnot-supported: %llu\n"
			 "regs-clobbered: %llu\nviolations: %llu\n",
			 st->smc64, st->yielding, st->mbz, st->x0_high, st->cpu_on_invalid,
			 st->implemented, st->not_supported, st->regs_clobbered, st->violations);
	post = fuzz_postcheck(run, buf, size, &len);
	len += scnprintf(buf + len, size - len,
			 "postcheck-failures: %u\nstopped-early: %d\nelapsed-ns: %llu\n"
			 "calls-per-sec: %llu\n", post, stopped, ns,
			 div64_u64(st->calls * NSEC_PER_SEC, ns ?: 1));
	for (i = 0; i < run->nrec; i++) {
		const struct fuzz_record *r = &run->rec[i];

		len += scnprintf(buf + len, size - len,
				 "violation: %#lx(%#lx, %#lx, %#lx) -> %#lx %#lx %#lx %#lx: %s\n",
				 r->in[0], r->in[1], r->in[2], r->in[3], r->out[0], r->out[1],
				 r->out[2], r->out[3], r->why);
	}
	pr_info("%llu calls, seed %llu, %s, %s, %u thread(s): %llu violations, %u postcheck failures, %llu calls/s\n",
		st->calls, seed, conduit_name(env->conduit),
		env->regs ? "smccc-1.2-regs" : "smccc-1.1", threads, st->violations, post,
		div64_u64(st->calls * NSEC_PER_SEC, ns ?: 1));
}

static int fuzz_run(u64 n, u64 seed, int conduit, bool forced, bool regs, bool parallel)
{
	struct fuzz_worker *w;
	struct fuzz_stats sum = { 0 };
	struct fuzz_run *run;
	unsigned int i, threads = 1;
	bool stopped;
	u64 t0, ns;
	int ret;

	run = kzalloc(sizeof(*run), GFP_KERNEL);
	w = kcalloc(nr_cpu_ids, sizeof(*w), GFP_KERNEL);
	if (!run || !w) {
		ret = -ENOMEM;
		goto out;
	}
	spin_lock_init(&run->lock);
	init_completion(&run->done);
	run->env.conduit = conduit;
	run->env.forced = forced;
	run->env.regs = regs;
	run->env.doorbells = READ_ONCE(doorbells);
	ret = fuzz_env_init(&run->env);
	if (ret)
		goto out;

	t0 = ktime_get_ns();
	if (parallel) {
		ret = fuzz_parallel(run, w, n, seed, &threads);
	} else {
		w[0].run = run;
		w[0].n = n;
		w[0].seed = seed ?: 0x9e3779b97f4a7c15ULL;	/* xorshift64* needs state != 0 */
		fuzz_work(&w[0]);
	}
	ns = ktime_get_ns() - t0;
	for (i = 0; i < nr_cpu_ids; i++)
		fuzz_stats_add(&sum, &w[i].st);
	stopped = sum.calls < n;
	fuzz_report(run, &sum, n, seed, threads, ns, stopped);
	if (!ret && stopped)
		ret = -EINTR;
out:
	kfree(w);
	kfree(run);
	return ret;
}

static ssize_t run_write(struct file *file, const char __user *ubuf, size_t count,
			 loff_t *ppos)
{
	bool forced = false, regs = false, parallel = false;
	int conduit = arm_smccc_1_1_get_conduit();
	char buf[128], *p = buf, *tok;
	u64 v[2];
	int nv = 0, ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';

	while ((tok = strsep(&p, " \t\n"))) {
		if (!*tok)
			continue;
		if (!strcmp(tok, "smc") || !strcmp(tok, "hvc")) {
			conduit = tok[0] == 's' ? SMCCC_CONDUIT_SMC : SMCCC_CONDUIT_HVC;
			forced = true;
		} else if (!strcmp(tok, "regs")) {
			if (!IS_ENABLED(CONFIG_ARM64))
				return -EOPNOTSUPP;	/* no SMCCC 1.2 calls on 32-bit */
			regs = true;
		} else if (!strcmp(tok, "parallel")) {
			parallel = true;
		} else if (nv < 2 && !kstrtou64(tok, 0, &v[nv])) {
			nv++;
		} else {
			return -EINVAL;
		}
	}
	if (nv != 2 || !v[0] || v[0] > FUZZ_MAX_CALLS)
		return -EINVAL;
	if (conduit != SMCCC_CONDUIT_SMC && conduit != SMCCC_CONDUIT_HVC)
		return -ENODEV;
	/* Linux at EL2 would take its own HVC. */
	if (conduit == SMCCC_CONDUIT_HVC && is_kernel_in_hyp_mode())
		return -EINVAL;

	ret = mutex_lock_killable(&fuzz_lock);
	if (ret)
		return ret;
	ret = fuzz_run(v[0], v[1], conduit, forced, regs, parallel);
	mutex_unlock(&fuzz_lock);
	return ret ? ret : count;
}

static ssize_t result_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&fuzz_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, fuzz_result, strlen(fuzz_result));
	mutex_unlock(&fuzz_lock);
	return ret;
}

static const struct file_operations run_fops = {
	.owner = THIS_MODULE,
	.write = run_write,
};

static const struct file_operations result_fops = {
	.owner = THIS_MODULE,
	.read = result_read,
	.llseek = default_llseek,
};

static int __init smcfuzz_init(void)
{
	fuzz_dir = debugfs_create_dir("smcfuzz", NULL);
	debugfs_create_file("run", 0200, fuzz_dir, NULL, &run_fops);
	debugfs_create_file("result", 0400, fuzz_dir, NULL, &result_fops);
	return 0;
}

static void __exit smcfuzz_exit(void)
{
	debugfs_remove_recursive(fuzz_dir);
}

module_init(smcfuzz_init);
module_exit(smcfuzz_exit);
MODULE_DESCRIPTION("Random SMCCC calls checked against the firmware's ABI, for tests");
MODULE_LICENSE("GPL");
