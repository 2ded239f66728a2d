// SPDX-License-Identifier: BSD-3-Clause
/*
 * The decisions behind entering a 32-bit Linux (aarch32_entry.h): is the loaded image an arm
 * zImage, and can this CPU enter it at HYP or only at SVC. Plain C with no system register,
 * so the host tests check every case without a CPU.
 */
#include "aarch32_entry.h"

static uint32_t le32(const volatile uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * booting.rst, "zImage magic": 0x016f2818 at offset 0x24, little-endian. An arm64 Image has
 * branch code there and its own magic ("ARM\x64") at 0x38, so the two cannot be mistaken.
 * Anything else is entered as before, in AArch64: the firmware never refuses an image it
 * does not recognise, it only changes state for the one it does.
 */
bool image_is_zimage(const volatile uint8_t *hdr)
{
	return le32(hdr + ZIMAGE_MAGIC_OFFSET) == ZIMAGE_MAGIC;
}

static unsigned int pfr0_field(uint64_t pfr0, unsigned int shift)
{
	return (unsigned int)(pfr0 >> shift) & 0xf;
}

bool aarch32_plan_entry(uint64_t pfr0, struct aarch32_plan *plan)
{
	unsigned int el1 = pfr0_field(pfr0, ID_AA64PFR0_EL1_SHIFT);
	unsigned int el2 = pfr0_field(pfr0, ID_AA64PFR0_EL2_SHIFT);

	plan->hyp = false;
	plan->el2_aarch64 = false;
	plan->spsr = SPSR32_AIF | SPSR32_MODE_SVC;
	if (el1 != ID_AA64PFR0_AARCH32)
		return false;		/* EL1 is AArch64 only (or reads as garbage) */
	if (el2 == ID_AA64PFR0_AARCH32) {
		plan->hyp = true;
		plan->spsr = SPSR32_AIF | SPSR32_MODE_HYP;
	} else if (el2 != 0) {
		plan->el2_aarch64 = true;	/* EL2 exists but cannot be AArch32 */
	}
	return true;
}
