/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM SMC/HVC mailbox: the message a client exchanges with the controller
 *
 * Copyright (C) 2026 The ARM SMC mailbox authors
 */

#ifndef _LINUX_MAILBOX_ARM_SMCCC_MBOX_H_
#define _LINUX_MAILBOX_ARM_SMCCC_MBOX_H_

/* Arguments of a register-mode call: x1..x6 (x7 stays zero) */
#define ARM_SMCCC_MBOX_NUM_ARGS	6
/* Result registers handed back to the client: x0..x3 */
#define ARM_SMCCC_MBOX_NUM_RES	4

/**
 * struct arm_smccc_mbox_msg - one call through an ARM SMC/HVC mailbox channel
 * @args:	Register mode: set by the client, the values for x1..x6.
 *		Doorbell mode: set by the controller, what it passed: the
 *		channel index in @args[0], zero in the others.
 * @res:	Set by the controller: x0..x3 as the firmware returned them.
 * @status:	Set by the controller: 0 if the firmware returned a
 *		non-negative value in x0, -EOPNOTSUPP if it returned
 *		NOT_SUPPORTED (-1), -EIO for any other negative value.
 *
 * A channel is in doorbell mode unless its controller has the device tree
 * property "arm,register-mode".
 *
 * In doorbell mode the message given to mbox_send_message() is opaque: the
 * controller never reads it, so no kernel memory reaches the firmware. The
 * data travels in memory shared with the firmware (SCPI, SCMI).
 *
 * In register mode the message given to mbox_send_message() must point to a
 * struct arm_smccc_mbox_msg. The controller loads @args into x1..x6 and fills
 * @res and @status. If bit 30 of the channel's function ID is clear (SMC32),
 * only the low 32 bits of each argument are passed and each result is the
 * zero-extended 32-bit register (w0..w3).
 *
 * The call is synchronous. When it returns, and before the message is
 * reported as sent (tx_done, or the end of a blocking mbox_send_message()),
 * the controller calls the client's rx_callback with a struct
 * arm_smccc_mbox_msg: the client's own message in register mode; in doorbell
 * mode one owned by the controller and valid only during the callback. A
 * firmware error therefore reaches the client through @status; the channel
 * stays usable. The callback runs with the channel locked and interrupts
 * off: it must not send on the same channel (tx_done may).
 */
struct arm_smccc_mbox_msg {
	unsigned long args[ARM_SMCCC_MBOX_NUM_ARGS];
	unsigned long res[ARM_SMCCC_MBOX_NUM_RES];
	int status;
};

#endif /* _LINUX_MAILBOX_ARM_SMCCC_MBOX_H_ */
