// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests of the AArch32 entry decisions (firmware/arch/aarch64/aarch32_entry.c): which
 * image is a 32-bit kernel, and at which mode each kind of CPU enters it, with which SPSR.
 */
#include <string.h>

#include "aarch32_entry.h"
#include "test.h"

/* ID_AA64PFR0_EL1 with EL0..EL3 fields: 1 = AArch64 only, 2 = AArch64 and AArch32. */
static uint64_t pfr0(unsigned int el0, unsigned int el1, unsigned int el2, unsigned int el3)
{
	return (uint64_t)el0 | (uint64_t)el1 << 4 | (uint64_t)el2 << 8 | (uint64_t)el3 << 12;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void zimage_magic_at_0x24_is_a_32_bit_kernel(void)
{
	uint8_t hdr[KERNEL_HEADER_SIZE] = { 0 };

	put_le32(hdr + 0x24, 0x016f2818);
	CHECK(image_is_zimage(hdr));
}

static void arm64_image_is_not_a_zimage(void)
{
	uint8_t hdr[KERNEL_HEADER_SIZE] = { 0 };

	memcpy(hdr + 0x38, "ARM\x64", 4);	/* the arm64 Image header's magic */
	put_le32(hdr, 0x14000000);		/* b . : code, not a magic, at 0 */
	CHECK(!image_is_zimage(hdr));
}

static void byte_swapped_or_moved_magic_is_not_a_zimage(void)
{
	uint8_t hdr[KERNEL_HEADER_SIZE] = { 0 };

	put_le32(hdr + 0x24, 0x18286f01);	/* a big-endian kernel: not entered as ours */
	CHECK(!image_is_zimage(hdr));
	memset(hdr, 0, sizeof(hdr));
	put_le32(hdr + 0x20, 0x016f2818);
	CHECK(!image_is_zimage(hdr));
}

/* cortex-a53/a57/a72 in QEMU: every EL has AArch32 -> HYP, SPSR 0x1da. */
static void el2_with_aarch32_enters_at_hyp(void)
{
	struct aarch32_plan p;

	CHECK(aarch32_plan_entry(pfr0(2, 2, 2, 2), &p));
	CHECK(p.hyp && !p.el2_aarch64);
	CHECK(p.spsr == (SPSR32_AIF | SPSR32_MODE_HYP) && p.spsr == 0x1da);
}

/* EL2 AArch64 only (as on cores whose EL2 dropped AArch32): SVC below an AArch64 EL2. */
static void aarch64_only_el2_enters_at_svc_below_it(void)
{
	struct aarch32_plan p;

	CHECK(aarch32_plan_entry(pfr0(2, 2, 1, 1), &p));
	CHECK(!p.hyp && p.el2_aarch64);
	CHECK(p.spsr == 0x1d3);
}

/* No EL2 (QEMU without virtualization=on): SVC, straight from EL3. */
static void no_el2_enters_at_svc(void)
{
	struct aarch32_plan p;

	CHECK(aarch32_plan_entry(pfr0(2, 2, 0, 1), &p));
	CHECK(!p.hyp && !p.el2_aarch64 && p.spsr == 0x1d3);
}

/* EL1 AArch64 only (Cortex-A76 and later, QEMU's neoverse-n1): no 32-bit kernel can run. */
static void aarch64_only_el1_cannot_run_a_32_bit_kernel(void)
{
	struct aarch32_plan p = { .hyp = true, .el2_aarch64 = true, .spsr = 0 };

	CHECK(!aarch32_plan_entry(pfr0(2, 1, 1, 1), &p));
	CHECK(!p.hyp && !p.el2_aarch64);	/* the plan is never left half-written */
	CHECK(!aarch32_plan_entry(pfr0(2, 0xf, 2, 2), &p));
}

/* The entry state booting.rst asks for: IRQ, FIQ (and SError) masked, ARM state, LE. */
static void spsr_masks_interrupts_in_arm_state(void)
{
	struct aarch32_plan p;

	CHECK(aarch32_plan_entry(pfr0(2, 2, 2, 2), &p));
	CHECK((p.spsr & (7U << 6)) == (7U << 6));	/* A, I, F */
	CHECK(!(p.spsr & (1U << 5)));			/* T: ARM, not Thumb */
	CHECK(!(p.spsr & (1U << 9)));			/* E: little-endian */
	CHECK(p.spsr & (1U << 4));			/* M[4]: AArch32 */
}

static void no_reset(void)
{
}

int main(void)
{
	static const struct test_case tests[] = {
		TEST_CASE(zimage_magic_at_0x24_is_a_32_bit_kernel),
		TEST_CASE(arm64_image_is_not_a_zimage),
		TEST_CASE(byte_swapped_or_moved_magic_is_not_a_zimage),
		TEST_CASE(el2_with_aarch32_enters_at_hyp),
		TEST_CASE(aarch64_only_el2_enters_at_svc_below_it),
		TEST_CASE(no_el2_enters_at_svc),
		TEST_CASE(aarch64_only_el1_cannot_run_a_32_bit_kernel),
		TEST_CASE(spsr_masks_interrupts_in_arm_state),
	};

	run_tests("aarch32_entry_", tests, sizeof(tests) / sizeof(tests[0]), no_reset);
	return test_exit_status();
}
