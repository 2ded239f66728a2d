/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Out-of-tree builds only (driver/Kbuild puts this directory on the include
 * path). In a kernel tree, arm-smc-mailbox.c includes the mailbox
 * framework's own drivers/mailbox/mailbox.h, as tegra-hsp and omap-mailbox
 * do; a headers package (Debian's linux-headers-*) does not ship that file.
 *
 * The framework's tx-done methods, the values of struct
 * mbox_chan.txdone_method: unchanged since the framework's first version
 * (3.17) up to 6.12 at least; later kernels export them as
 * MBOX_TXDONE_BY_* from <linux/mailbox_controller.h>.
 */
#ifndef ARM_SMC_MBOX_COMPAT_MAILBOX_H
#define ARM_SMC_MBOX_COMPAT_MAILBOX_H

#include <linux/bits.h>

#define TXDONE_BY_IRQ	BIT(0)	/* the controller reports tx-done */
#define TXDONE_BY_POLL	BIT(1)	/* the framework polls last_tx_done() */
#define TXDONE_BY_ACK	BIT(2)	/* the client reports tx-done */

#endif
