// SPDX-License-Identifier: BSD-3-Clause
/*
 * Cold boot on QEMU virt, the pen for CPUs that are off, and the C side of exception entry.
 *
 * Boot CPU: EL3 registers, GIC, the device tree for Linux (QEMU's, or the runner's prepared
 * one, fixed up), the runtime services, then Linux at non-secure EL2 (smc conduit) or EL1
 * behind the resident EL2 stub (hvc conduit). Other CPUs: EL3 registers, their banked GIC
 * state, then the pen until PSCI CPU_ON.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch.h"
#include "cpu_errata.h"
#include "cpu_features.h"
#include "el2_stub.h"
#include "mmu.h"
#include "fdt.h"
#include "fdt_fixup.h"
#include "platform_def.h"
#include "services.h"

#ifdef FW_CONDUIT_HVC
#define CONDUIT_NAME "hvc"
#else
#define CONDUIT_NAME "smc"
#endif

extern const char el2_stub_start[], el2_stub_end[];
extern char __stacks_end[];

void gic_init(unsigned int cpu);
int plat_mmu_setup(void);
void gic_cpu_init(unsigned int cpu);
void enter_lower_el(uint64_t pc, uint64_t spsr, uint64_t x0, uint64_t x1)
	__attribute__((noreturn));
void cpu_pen_reenter(uint64_t stack_top, unsigned int cpu) __attribute__((noreturn));

/* The device tree is built here, in secure RAM, and only then copied out for Linux. */
static uint8_t dtb_work[256 * 1024] __attribute__((aligned(8)));

static void __attribute__((noreturn)) panic(const char *why)
{
	plat_log("firmware: FATAL: %s\n", why);
	plat_system_off();
}

static void el3_arch_init(void)
{
	write_sysreg(cpu_el3_vectors(), vbar_el3);
	cpu_errata_reset();
	write_sysreg(SCTLR_EL3_RES1 | SCTLR_SA, sctlr_el3);
	/* Non-secure lower ELs in AArch64, HVC allowed, SMC allowed (SMD clear), IRQ/FIQ stay
	 * with the non-secure world; every feature the CPU has usable without an EL3 trap. */
	write_sysreg(SCR_NS | SCR_RES1 | SCR_HCE | SCR_SIF | SCR_RW | cpu_scr_features(),
		     scr_el3);
	write_sysreg(cpu_cptr_features(), cptr_el3);	/* no FP/SIMD, trace or AMU traps */
	isb();
	cpu_vector_lengths();
	write_sysreg(0, mdcr_el3);	/* no PMU or debug traps */
	write_sysreg(PLAT_CNTFRQ_HZ, cntfrq_el0);
	isb();
}

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint64_t be64(const void *p)
{
	return (uint64_t)be32(p) << 32 | be32((const uint8_t *)p + 4);
}

/* Prefer the runner's prepared tree; fall back to the one QEMU wrote. */
static const void *input_dtb(void)
{
	const void *prepared = (const void *)(uintptr_t)BOARD_DTB_BASE;

	if (be32(prepared) == FDT_MAGIC)
		return prepared;
	return (const void *)(uintptr_t)BOARD_QEMU_DTB_BASE;
}

static void ram_from_dt(const struct fdt *t, uint64_t *base, uint64_t *size)
{
	int node = fdt_find_node(t, "/memory");
	const void *reg;
	int len;

	if (node < 0)
		panic("no /memory node in the device tree");
	reg = fdt_getprop(t, node, "reg", &len);
	if (!reg || len < 16)
		panic("/memory has no 64-bit reg");
	*base = be64(reg);
	*size = be64((const uint8_t *)reg + 8);
}

static unsigned int cpus_from_dt(const struct fdt *t)
{
	int cpus = fdt_find_node(t, "/cpus");
	unsigned int n = 0;
	int node;

	if (cpus < 0)
		panic("no /cpus node in the device tree");
	for (node = fdt_first_subnode(t, cpus); node >= 0; node = fdt_next_subnode(t, node)) {
		const char *type = fdt_getprop(t, node, "device_type", NULL);

		if (type && type[0] == 'c' && type[1] == 'p' && type[2] == 'u' && !type[3])
			n++;
	}
	return n < PLAT_MAX_CPUS ? n : PLAT_MAX_CPUS;
}

static bool region_in(uint64_t base, uint64_t size, uint64_t outer, uint64_t outer_size)
{
	return base >= outer && size <= outer_size && base - outer <= outer_size - size;
}

static void copy_out(volatile uint8_t *dst, const uint8_t *src, size_t len)
{
	while (len--)
		*dst++ = *src++;
}

/* Build Linux's device tree: /psci, enable-method, and the firmware's reserved memory. */
static void prepare_dtb(uint64_t *ram_base, uint64_t *ram_size, unsigned int *ncpus)
{
	static const struct fixup_region reserved[] = {
		{ "firmware", BOARD_NS_FW_BASE, BOARD_NS_FW_SIZE },
		{ "shmem", BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE },
	};
	const struct fixup_cfg cfg = {
		.psci_method = CONDUIT_NAME,
		.regions = reserved,
		.nregions = sizeof(reserved) / sizeof(reserved[0]),
	};
	struct fdt t;
	int ret;

	ret = fdt_open(&t, dtb_work, sizeof(dtb_work), input_dtb(), BOARD_DTB_MAX);
	if (ret)
		panic("the input device tree is not valid");
	ram_from_dt(&t, ram_base, ram_size);
	*ncpus = cpus_from_dt(&t);

	/* The board's non-secure regions must be RAM Linux would otherwise own. */
	if (!region_in(BOARD_NS_FW_BASE, BOARD_NS_FW_SIZE, *ram_base, *ram_size) ||
	    !region_in(BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE, *ram_base, *ram_size))
		panic("the board's shared memory is not inside non-secure RAM");

	ret = fdt_fixup_for_linux(&t, &cfg);
	if (!ret)
		ret = fdt_finish(&t);
	if (ret || fdt_totalsize(&t) > BOARD_DTB_MAX)
		panic("device-tree fix-up failed");
	copy_out((volatile uint8_t *)(uintptr_t)BOARD_DTB_BASE, dtb_work, fdt_totalsize(&t));
	plat_log("firmware: device tree %lu bytes, %u CPUs, RAM %lx+%lx\n",
		 (unsigned long)fdt_totalsize(&t), *ncpus, (unsigned long)*ram_base,
		 (unsigned long)*ram_size);
}

/* Enter the non-secure world at @entry with x0 = @arg, through the EL2 stub if hvc. */
static void __attribute__((noreturn)) enter_ns(uint64_t entry, uint64_t arg)
{
	/*
	 * Every entry, the cold one and each CPU_ON, finds EL2 as booting.rst asks: MMU and
	 * caches off, no VHE. A CPU that Linux turned off may have left EL2's MMU on (a VHE
	 * kernel at EL2); its first instruction at the physical entry point would then fault.
	 */
	write_sysreg(HCR_EL2_RW, hcr_el2);
	write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
	isb();
#ifdef FW_CONDUIT_HVC
	enter_lower_el(BOARD_NS_FW_BASE + EL2_STUB_ENTER_EL1, SPSR_EL2H, entry, arg);
#else
	enter_lower_el(entry, SPSR_EL2H, arg, 0);
#endif
}

void boot_primary(unsigned int cpu)
{
	uint64_t ram_base, ram_size;
	unsigned int ncpus;

	el3_arch_init();
	if (plat_mmu_setup())
		panic("the memory map does not fit the translation tables");
	mmu_enable();
	plat_log("\nfirmware: QEMU virt reference firmware, conduit %s, boot CPU %u\n",
		 CONDUIT_NAME, cpu);
	prepare_dtb(&ram_base, &ram_size, &ncpus);
	psci_init(ncpus, cpu, ram_base, ram_size);
	sip_init((uintptr_t)BOARD_SHMEM_BASE);
#ifdef FW_CONDUIT_HVC
	copy_out((volatile uint8_t *)(uintptr_t)BOARD_NS_FW_BASE, (const uint8_t *)el2_stub_start,
		 (size_t)(el2_stub_end - el2_stub_start));
#endif
	/* Last: enabling the distributor releases the secondaries (entry.S). */
	gic_init(cpu);
	dsb();
	sev();
	plat_log("firmware: entering Linux at %lx\n", (unsigned long)BOARD_KERNEL_BASE);
	enter_ns(BOARD_KERNEL_BASE, BOARD_DTB_BASE);
}

void cpu_pen(unsigned int cpu)
{
	uint64_t entry, context_id;

	while (!psci_take_on_request(cpu, &entry, &context_id))
		wfe();
	enter_ns(entry, context_id);
}

void boot_secondary(unsigned int cpu)
{
	el3_arch_init();
	mmu_enable();	/* the boot CPU built the tables before it released us */
	gic_cpu_init(cpu);
	cpu_pen(cpu);
}

void smc_handler(struct smc_regs *regs, bool from_aarch32)
{
	uint64_t ec = ESR_EC(read_sysreg(esr_el3));

	/*
	 * Anything but an SMC is a trap the EL3 set-up failed to disable (cpu_features.c): stop
	 * the machine with one clear line rather than park a CPU that PSCI still reports ON.
	 */
	if (ec != (from_aarch32 ? EC_SMC32 : EC_SMC64)) {
		plat_log("firmware: unexpected trap from lower EL on CPU %u, ESR %lx ELR %lx\n",
			 plat_current_cpu(), (unsigned long)read_sysreg(esr_el3),
			 (unsigned long)read_sysreg(elr_el3));
		panic("unexpected trap from a lower EL");
	}
	smccc_dispatch(regs, from_aarch32);
}

void unexpected_exception(uint64_t vector, uint64_t esr, uint64_t elr)
{
	plat_log("firmware: unexpected exception, vector %lu ESR %lx ELR %lx\n",
		 (unsigned long)vector, (unsigned long)esr, (unsigned long)elr);
	panic("unexpected exception at EL3");
}

/* ---- platform hooks for the services ---- */

unsigned int plat_current_cpu(void)
{
	return read_sysreg(mpidr_el1) & 0xff;
}

/*
 * PSCI's target_cpu holds only MPIDR affinity fields; every other bit must be zero. QEMU virt
 * numbers its (at most 8 GICv2) CPUs in Aff0, so anything above Aff0 names no CPU.
 */
int plat_mpidr_to_cpu(uint64_t mpidr)
{
	if (mpidr & ~0xffULL)
		return -1;
	return mpidr < PLAT_MAX_CPUS ? (int)mpidr : -1;
}

void plat_wake_cpu(unsigned int cpu)
{
	(void)cpu;
	dsb();
	sev();
}

void plat_cpu_park(void)
{
	unsigned int cpu = plat_current_cpu();

	cpu_pen_reenter((uint64_t)(uintptr_t)(__stacks_end - (size_t)cpu * PLAT_STACK_SIZE), cpu);
}

uint64_t plat_time_ns(void)
{
	return read_sysreg(cntpct_el0) * (1000000000ULL / PLAT_CNTFRQ_HZ);
}
