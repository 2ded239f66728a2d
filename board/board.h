/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The board: QEMU "virt" with secure=on,virtualization=on, as the firmware and Linux see it.
 *
 * This header is the single source of truth for every address and function ID that the
 * firmware and the device tree share. The firmware builds its doorbell table from
 * BOARD_CHANNELS; board/gen-board-dts.c turns the same list into the nodes Linux sees.
 * docs/abi.md explains each value.
 */
#ifndef BOARD_H
#define BOARD_H

/* Non-secure RAM as QEMU lays it out; the runner gives the machine this much (-m). */
#define BOARD_NS_RAM_BASE	0x40000000ULL
#define BOARD_NS_RAM_SIZE	0x40000000ULL

/* Where the runner loads Linux and its device tree (docs/abi.md, "Memory map"). */
#define BOARD_KERNEL_BASE	0x40200000ULL
#define BOARD_DTB_BASE		0x48000000ULL
#define BOARD_DTB_MAX		0x00200000ULL
#define BOARD_QEMU_DTB_BASE	0x40000000ULL

/* Non-secure memory the firmware owns; Linux sees it as reserved, no-map. */
#define BOARD_NS_FW_BASE	0x4fe00000ULL	/* the resident EL2 stub (hvc conduit) */
#define BOARD_NS_FW_SIZE	0x00100000ULL
#define BOARD_SHMEM_BASE	0x4ff00000ULL	/* every channel's shared memory */
#define BOARD_SHMEM_SIZE	0x00100000ULL

/* SMCCC fast SMC32 SiP calls (owner 2): the doorbells and the diagnostic service. */
#define BOARD_SIP_FID(n)	(0x82000000U | (n))

#ifndef __ASSEMBLER__
enum board_service {
	SERVICE_SCPI,
	SERVICE_SCMI,
	SERVICE_ECHO,	/* register mode: no shared memory, arguments in registers */
};
#endif

/*
 * X(name, dt_name, function id, shmem offset, shmem size, service)
 * Offsets are inside the shared memory window; size 0 means register mode.
 */
#define BOARD_CHANNELS(X) \
	X(scpi_low,  "scpi-low",  BOARD_SIP_FID(0x01), 0x0000, 0x1000, SERVICE_SCPI) \
	X(scpi_high, "scpi-high", BOARD_SIP_FID(0x02), 0x1000, 0x1000, SERVICE_SCPI) \
	X(scmi_a2p,  "scmi-a2p",  BOARD_SIP_FID(0x10), 0x2000, 0x1000, SERVICE_SCMI) \
	X(scmi_smc,  "scmi-smc",  BOARD_SIP_FID(0x11), 0x3000, 0x1000, SERVICE_SCMI) \
	X(test,      "test",      BOARD_SIP_FID(0x20), 0x4000, 0x1000, SERVICE_ECHO)

/*
 * Diagnostic SiP service for tests (docs/abi.md). Only the test image (firmware built with
 * FW_TEST_IMAGE) implements these; the production image answers NOT_SUPPORTED to each.
 */
#define BOARD_FID_DIAG_EXIT		BOARD_SIP_FID(0xfe00)
#define BOARD_FID_DIAG_COUNTERS		BOARD_SIP_FID(0xfe01)
#define BOARD_FID_DIAG_ECHO		BOARD_SIP_FID(0xfe02)
#define BOARD_FID_DIAG_CHANNEL_COUNT	BOARD_SIP_FID(0xfe03)
#define BOARD_FID_DIAG_TIMING		BOARD_SIP_FID(0xfe04)
#define BOARD_FID_DIAG_FAULT		BOARD_SIP_FID(0xfe05)
#define BOARD_FID_DIAG_RESET_LINE	BOARD_SIP_FID(0xfe06)
#define BOARD_FID_DIAG_MEM_ATTR		BOARD_SIP_FID(0xfe07)
#define BOARD_FID_DIAG_TRAP		BOARD_SIP_FID(0xfe08)

/*
 * DIAG_EXIT's line on the secure UART, followed by " <status>": the runner (tools/qemu-run)
 * reads the guest command's exit status from it, then the firmware powers the machine off.
 */
#define BOARD_EXIT_MARKER		"firmware: DIAG_EXIT status"

#ifndef __ASSEMBLER__
/* DIAG_FAULT's modes, x2 of the call. */
enum board_fault_mode {
	FAULT_NONE,
	FAULT_NOT_SUPPORTED,	/* x0 = NOT_SUPPORTED; not served, shared memory untouched */
	FAULT_LATE,		/* spin the delay with the channel's guard held, then serve */
	FAULT_GARBAGE,		/* not served: garbage in x0..x3 and over the reply area */
};
#endif

/*
 * What only the runner (tools/qemu-run) used to know: where it loads the initramfs, and how
 * much RAM it gives QEMU (-m). The initramfs must end below BOARD_NS_FW_BASE.
 */
#define BOARD_INITRD_BASE	0x48200000ULL
#define BOARD_NS_RAM_SIZE	0x40000000ULL	/* 1 GiB; the firmware reads /memory all the same */

#endif
