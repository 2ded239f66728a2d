// SPDX-License-Identifier: BSD-3-Clause
/*
 * Cold boot on QEMU virt and the pen for CPUs that are off.
 *
 * Boot CPU: EL3 registers and MMU, the runtime services, the GIC (which releases the other
 * CPUs), then Linux at non-secure EL2 (smc conduit) or EL1 behind the resident EL2 stub (hvc
 * conduit), with the runner's device tree (complete: board/gen-board-dts.c writes /psci,
 * enable-method and /reserved-memory). Other CPUs: EL3 registers, MMU, their banked GIC
 * state, then the pen until PSCI CPU_ON.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch.h"
#include "boot_aarch32.h"
#include "cpu_errata.h"
#include "cpu_features.h"
#include "el2_stub.h"
#include "mmu.h"
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
void cpu_pen_reenter(uint64_t stack_top, unsigned int cpu) __attribute__((noreturn));

#define FDT_MAGIC	0xd00dfeedU

_Static_assert(BOARD_SHMEM_BASE >= BOARD_NS_RAM_BASE &&
	       BOARD_SHMEM_BASE + BOARD_SHMEM_SIZE <= BOARD_NS_RAM_BASE + BOARD_NS_RAM_SIZE &&
	       BOARD_NS_FW_BASE >= BOARD_NS_RAM_BASE,
	       "the board's non-secure regions must be RAM Linux would otherwise own");

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

static uint32_t be32(const volatile void *p)
{
	const volatile uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

#ifdef FW_CONDUIT_HVC
static void copy_out(volatile uint8_t *dst, const uint8_t *src, size_t len)
{
	while (len--)
		*dst++ = *src++;
}
#endif

/* Enter the non-secure world at @entry with x0 = @arg, through the EL2 stub if hvc. */
static void __attribute__((noreturn)) enter_ns(uint64_t entry, uint64_t arg)
{
	if (ns_kernel_is_aarch32())
		aarch32_enter(entry, (uint32_t)arg, 0, 0);	/* CPU_ON: r0 = context_id */
	/*
	 * Every entry, the cold one and each CPU_ON, finds EL2 as booting.rst asks: MMU and
	 * caches off, no VHE. A CPU that Linux turned off may have left EL2's MMU on (a VHE
	 * kernel at EL2); its first instruction at the physical entry point would then fault.
	 */
	write_sysreg(HCR_EL2_RW, hcr_el2);
	write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
	isb();
#ifdef FW_CONDUIT_HVC
	enter_lower_el(BOARD_NS_FW_BASE + EL2_STUB_ENTER_EL1, SPSR_EL2H, entry, arg, 0);
#else
	enter_lower_el(entry, SPSR_EL2H, arg, 0, 0);
#endif
}

void boot_primary(unsigned int cpu)
{
	el3_arch_init();
	if (plat_mmu_setup())
		plat_panic("the memory map does not fit the translation tables");
	mmu_enable();
	plat_log("\nfirmware: QEMU virt reference firmware, conduit %s, boot CPU %u\n",
		 CONDUIT_NAME, cpu);
	/* The runner's device tree is complete (board/gen-board-dts.c): the firmware only
	 * checks that one is there, so a missing tree is one clear line, not a silent hang. */
	if (be32((const volatile void *)(uintptr_t)BOARD_DTB_BASE) != FDT_MAGIC)
		plat_panic("no device tree at BOARD_DTB_BASE");
	aarch32_detect(BOARD_KERNEL_BASE);
	psci_init(1, cpu, BOARD_NS_RAM_BASE, BOARD_NS_RAM_SIZE);
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
	if (ns_kernel_is_aarch32())	/* r0 = 0, r1 = ~0 (no machine number), r2 = the DTB */
		aarch32_enter(BOARD_KERNEL_BASE, 0, ~0U, BOARD_DTB_BASE);
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
	psci_cpu_arrived(cpu);
	cpu_pen(cpu);
}

/* PSCI CPU_OFF: this CPU drops its exception frame and waits in the pen again. */
void plat_cpu_park(void)
{
	unsigned int cpu = plat_current_cpu();

	cpu_pen_reenter((uint64_t)(uintptr_t)(__stacks_end - (size_t)cpu * PLAT_STACK_SIZE), cpu);
}
