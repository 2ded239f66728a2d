/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SMC mailbox's doorbell services as a TF-A runtime service calls them: the one interface
 * between a TF-A platform's SiP handler (the patch in tfa/series/) and the project's
 * dispatcher, protocol servers and platform model (firmware/), which glue/smc_mbox_tfa.c
 * runs on TF-A's timer, locks and console. Included by TF-A code and by the glue.
 */
#ifndef SMC_MBOX_H
#define SMC_MBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <drivers/console.h>

#define SMC_MBOX_NUM_ARGS	7	/* x1..x7 */
#define SMC_MBOX_NUM_RESULTS	4	/* x0..x3 */

/*
 * DIAG_EXIT (test builds) writes board.h's BOARD_EXIT_MARKER and the status as one line on the
 * console given to smc_mbox_setup(), then ends the run: tools/qemu-run reads the status there,
 * as it does for the reference firmware.
 */

/*
 * Once, from the runtime service's init (MMU on, shared memory mapped): the window the board's
 * channels live in, and the console DIAG_EXIT writes to (NULL: none). Non-zero when the board's
 * channels do not fit in the window; the service must then stay off.
 */
int32_t smc_mbox_setup(uintptr_t shmem_base, size_t shmem_size, console_t *console);

/* Is @smc_fid a doorbell (or, in a test build, a diagnostic call) of this service? */
bool smc_mbox_owns(uint32_t smc_fid);

/* Serve one call: @args are x1..x7 as the caller left them, @res receives x0..x3. */
void smc_mbox_call(uint32_t smc_fid, const uint64_t args[SMC_MBOX_NUM_ARGS],
		   uint64_t res[SMC_MBOX_NUM_RESULTS]);

/* Provided by the platform in test builds: power the machine off (DIAG_EXIT). */
void plat_smc_mbox_exit(void) __attribute__((noreturn));

#endif
