// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM SMC/HVC mailbox
 *
 * Each channel is one fast SMCCC function ID, taken from the device tree.
 * Sending a message calls that function with an SMC or HVC instruction. The
 * firmware runs on the calling CPU: when the instruction returns, it has
 * served the request and written any reply into memory shared with Linux.
 * The mailbox is therefore one-way and synchronous: there is no interrupt to
 * take and nothing to wait for.
 *
 * Tx-done: a client that acknowledges each message itself (knows_txdone,
 * e.g. the SCMI mailbox transport) gets the framework's ack method and calls
 * mbox_client_txdone(). For a client that waits for the controller instead
 * (e.g. arm_scpi), the channel switches to the IRQ method when the client
 * binds, and the driver reports tx-done with mbox_chan_txdone() from an
 * irq_work raised by send_data(): the earliest point after the framework has
 * dropped the channel's lock, without the framework's poll timer.
 *
 * Copyright (C) 2026 The ARM SMC mailbox authors
 */

#include <linux/arm-smccc.h>
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/irq_work.h>
#include <linux/kernel.h>
#include <linux/mailbox/arm-smccc-mbox.h>
#include <linux/mailbox_client.h>
#include <linux/mailbox_controller.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/string.h>

#include "mailbox.h"

/* More channels than this is a mistake in the device tree. */
#define ARM_SMC_MBOX_MAX_CHANS	64

/* Bits 23:16 of a fast-call function ID must be zero (SMCCC). */
#define ARM_SMC_MBOX_FAST_MBZ	GENMASK(23, 16)

/**
 * struct arm_smc_mbox_chan - one channel
 * @func_id:	SMCCC function ID that rings the firmware for this channel
 * @smc32:	@func_id uses the SMC32 convention (bit 30 clear): arguments
 *		and results are 32 bits wide
 * @doorbell:	doorbell mode: the arguments (channel index in x1, zeros)
 *		and the latest result, which the client's rx_callback receives
 * @chan:	the framework's channel this one backs
 * @report_txdone: the client does not acknowledge tx-done itself, so the
 *		driver reports it (set in startup(), cleared in shutdown())
 * @txdone_work: reports tx-done once send_data() has returned
 */
struct arm_smc_mbox_chan {
	u32 func_id;
	bool smc32;
	struct arm_smccc_mbox_msg doorbell;
	struct mbox_chan *chan;
	bool report_txdone;
	struct irq_work txdone_work;
};

/**
 * struct arm_smc_mbox - one controller, i.e. one device tree node
 * @controller:		the mailbox controller
 * @hvc:		call the firmware with HVC rather than SMC
 * @smccc_1_1:		the firmware implements SMCCC v1.1 or later on this
 *			conduit, so it preserves x4-x17 and the call can be
 *			made inline
 * @register_mode:	messages are struct arm_smccc_mbox_msg, whose
 *			arguments go to the firmware in registers
 * @chan_data:		per-channel data, one entry per function ID
 */
struct arm_smc_mbox {
	struct mbox_controller controller;
	bool hvc;
	bool smccc_1_1;
	bool register_mode;
	struct arm_smc_mbox_chan chan_data[];
};

static struct arm_smc_mbox *to_arm_smc_mbox(struct mbox_controller *mbox)
{
	return container_of(mbox, struct arm_smc_mbox, controller);
}

/* x0..x3 as the client gets them: an SMC32 result is w0..w3, zero-extended. */
static void arm_smc_mbox_store(const struct arm_smc_mbox_chan *schan,
			       const struct arm_smccc_res *res,
			       struct arm_smccc_mbox_msg *msg)
{
	if (schan->smc32) {
		msg->res[0] = lower_32_bits(res->a0);
		msg->res[1] = lower_32_bits(res->a1);
		msg->res[2] = lower_32_bits(res->a2);
		msg->res[3] = lower_32_bits(res->a3);
	} else {
		msg->res[0] = res->a0;
		msg->res[1] = res->a1;
		msg->res[2] = res->a2;
		msg->res[3] = res->a3;
	}
}

/*
 * SMCCC v1.0 firmware may clobber x4-x17: the out-of-line arm_smccc_smc() and
 * arm_smccc_hvc() save them. Kept out of the inline path, whose result then
 * stays in registers.
 */
static noinline void arm_smc_mbox_call_1_0(const struct arm_smc_mbox *smbox,
					   const struct arm_smc_mbox_chan *schan,
					   unsigned long a1, unsigned long a2,
					   unsigned long a3, unsigned long a4,
					   unsigned long a5, unsigned long a6,
					   struct arm_smccc_mbox_msg *msg)
{
	struct arm_smccc_res res;

	if (smbox->hvc)
		arm_smccc_hvc(schan->func_id, a1, a2, a3, a4, a5, a6, 0, &res);
	else
		arm_smccc_smc(schan->func_id, a1, a2, a3, a4, a5, a6, 0, &res);
	arm_smc_mbox_store(schan, &res, msg);
}

/* The cold end of a call: the firmware returned an error in x0. */
static noinline void arm_smc_mbox_failed(struct mbox_chan *chan,
					 const struct arm_smc_mbox_chan *schan,
					 struct arm_smccc_mbox_msg *msg, long ret)
{
	struct arm_smc_mbox *smbox = to_arm_smc_mbox(chan->mbox);

	msg->status = ret == SMCCC_RET_NOT_SUPPORTED ? -EOPNOTSUPP : -EIO;
	dev_err_ratelimited(chan->mbox->dev,
			    "channel %td: function 0x%08x returned %ld\n",
			    schan - smbox->chan_data, schan->func_id, ret);
}

/*
 * Call the firmware with x1..x6 = @a1..@a6 (x7 = 0) and store x0..x3 and the
 * status in @msg. Errors are logged here; they reach the client through @msg.
 * This is the whole doorbell: firmware that implements SMCCC v1.1 gets the
 * inline call, as arm_smccc_1_1_invoke() makes it (the SCMI SMC transport's
 * way), since it preserves x4-x17; other firmware the v1.0 call.
 */
static __always_inline void arm_smc_mbox_call(struct mbox_chan *chan,
					      const struct arm_smc_mbox *smbox,
					      const struct arm_smc_mbox_chan *schan,
					      unsigned long a1, unsigned long a2,
					      unsigned long a3, unsigned long a4,
					      unsigned long a5, unsigned long a6,
					      struct arm_smccc_mbox_msg *msg)
{
	struct arm_smccc_res res;
	long ret;

	if (likely(smbox->smccc_1_1)) {
		if (smbox->hvc)
			arm_smccc_1_1_hvc(schan->func_id, a1, a2, a3, a4, a5, a6,
					  0, &res);
		else
			arm_smccc_1_1_smc(schan->func_id, a1, a2, a3, a4, a5, a6,
					  0, &res);
		arm_smc_mbox_store(schan, &res, msg);
	} else {
		arm_smc_mbox_call_1_0(smbox, schan, a1, a2, a3, a4, a5, a6, msg);
	}

	/* SMCCC: a negative x0 (w0 for SMC32) is an error. */
	ret = schan->smc32 ? (long)(s32)msg->res[0] : (long)msg->res[0];
	msg->status = 0;
	if (unlikely(ret < 0))
		arm_smc_mbox_failed(chan, schan, msg, ret);
}

/* Register mode: the client's x1..x6, 32 bits of each for an SMC32 call. */
static noinline void arm_smc_mbox_call_regs(struct mbox_chan *chan,
					    const struct arm_smc_mbox *smbox,
					    const struct arm_smc_mbox_chan *schan,
					    struct arm_smccc_mbox_msg *msg)
{
	unsigned long args[ARM_SMCCC_MBOX_NUM_ARGS];
	unsigned int i;

	for (i = 0; i < ARM_SMCCC_MBOX_NUM_ARGS; i++)
		args[i] = schan->smc32 ? lower_32_bits(msg->args[i]) :
					 msg->args[i];
	arm_smc_mbox_call(chan, smbox, schan, args[0], args[1], args[2],
			  args[3], args[4], args[5], msg);
}

static int arm_smc_mbox_send_data(struct mbox_chan *chan, void *data)
{
	struct arm_smc_mbox *smbox = to_arm_smc_mbox(chan->mbox);
	struct arm_smc_mbox_chan *schan = chan->con_priv;
	struct arm_smccc_mbox_msg *msg = data;

	if (likely(!smbox->register_mode)) {
		/*
		 * Doorbell mode: the client's message is opaque and never
		 * read, so no kernel memory ends up in the firmware's
		 * registers: x1 = the channel index (set at probe), zeros.
		 * This is the hot path, kept to the call itself.
		 */
		msg = &schan->doorbell;
		arm_smc_mbox_call(chan, smbox, schan, msg->args[0], 0, 0, 0, 0,
				  0, msg);
	} else if (!msg) {
		dev_err_ratelimited(chan->mbox->dev,
				    "channel %td: register mode needs a message\n",
				    schan - smbox->chan_data);
		msg = &schan->doorbell;
		msg->status = -EINVAL;
	} else {
		arm_smc_mbox_call_regs(chan, smbox, schan, msg);
	}

	/*
	 * The firmware is done with the request: tell the client now, and
	 * report any error this way, since the tx-done path cannot carry one.
	 * The message itself is always accepted: an error returned here would
	 * leave it queued in the framework and block the channel.
	 */
	mbox_chan_received_data(chan, msg);

	/*
	 * The transfer is complete, but send_data() runs under the channel's
	 * lock, which mbox_chan_txdone() takes: report it from the irq_work,
	 * which runs on this CPU as soon as the framework has dropped the
	 * lock and restored interrupts (imx-mailbox's TX doorbell reports
	 * tx-done from deferred work after ringing in the same way).
	 */
	if (schan->report_txdone)
		irq_work_queue(&schan->txdone_work);

	return 0;
}

/*
 * Every tx-done the work reports is true: the message the framework holds as
 * active has been served, since each send_data() returns only when the
 * firmware is done. If two sends ever share one run (the work was still
 * pending when the framework, after a tx timeout, submitted the next
 * message), that run completes the newer one, and a run with nothing active
 * only makes the framework look at its queue.
 */
static void arm_smc_mbox_txdone_work(struct irq_work *work)
{
	struct arm_smc_mbox_chan *schan =
		container_of(work, struct arm_smc_mbox_chan, txdone_work);

	mbox_chan_txdone(schan->chan, 0);
}

/*
 * The framework has bound a client to @chan and chosen the ack method if the
 * client acknowledges tx-done itself (knows_txdone); no message can be in
 * flight yet, since the client does not have the channel until this
 * returns. Any other client waits for the controller: switch the channel to
 * the IRQ method, as tegra-hsp does in its startup(), so that the irq_work
 * can report tx-done without the framework's poll timer.
 */
static int arm_smc_mbox_startup(struct mbox_chan *chan)
{
	struct arm_smc_mbox_chan *schan = chan->con_priv;

	schan->report_txdone = !chan->cl->knows_txdone;
	if (schan->report_txdone)
		chan->txdone_method = TXDONE_BY_IRQ;

	return 0;
}

/*
 * The client is letting the channel go (or the controller is being
 * unregistered), with no message of its own being sent. Wait for a report
 * still pending, so that no work outlives the channel, and give the channel
 * back the poll method the controller registered with: the framework turns
 * poll into ack for the next client that acknowledges itself.
 */
static void arm_smc_mbox_shutdown(struct mbox_chan *chan)
{
	struct arm_smc_mbox_chan *schan = chan->con_priv;

	if (!schan->report_txdone)
		return;

	irq_work_sync(&schan->txdone_work);
	schan->report_txdone = false;
	chan->txdone_method = TXDONE_BY_POLL;
}

/*
 * Registered with the poll method only so that the framework gives clients
 * that acknowledge tx-done themselves the ack method; every other client
 * gets the IRQ method in startup(). Should a channel ever be polled, its
 * last message is done.
 */
static bool arm_smc_mbox_last_tx_done(struct mbox_chan *chan)
{
	return true;
}

static const struct mbox_chan_ops arm_smc_mbox_ops = {
	.send_data	= arm_smc_mbox_send_data,
	.startup	= arm_smc_mbox_startup,
	.shutdown	= arm_smc_mbox_shutdown,
	.last_tx_done	= arm_smc_mbox_last_tx_done,
};

/* #mbox-cells = <1>: the cell indexes arm,func-ids; <0>: the only channel */
static struct mbox_chan *arm_smc_mbox_xlate(struct mbox_controller *mbox,
					    const struct of_phandle_args *sp)
{
	unsigned int index = sp->args_count ? sp->args[0] : 0;

	if (index >= mbox->num_chans)
		return ERR_PTR(-EINVAL);

	return &mbox->chans[index];
}

/*
 * Find which form the node uses and how many channels it describes:
 * #mbox-cells = <1> with arm,func-ids (arm,smc-mbox only), or
 * #mbox-cells = <0> with arm,func-id.
 */
static int arm_smc_mbox_count_ids(struct device *dev, const char **name)
{
	struct device_node *np = dev->of_node;
	const char *other;
	int len, count;
	u32 cells;

	if (of_property_read_u32(np, "#mbox-cells", &cells))
		return dev_err_probe(dev, -EINVAL, "missing #mbox-cells\n");

	if (cells == 0) {
		*name = "arm,func-id";
		other = "arm,func-ids";
	} else if (cells == 1) {
		if (of_device_is_compatible(np, "arm,hvc-mbox"))
			return dev_err_probe(dev, -EINVAL,
					     "#mbox-cells = <1> does not fit arm,hvc-mbox, which has one channel: use <0> and arm,func-id\n");
		*name = "arm,func-ids";
		other = "arm,func-id";
	} else {
		return dev_err_probe(dev, -EINVAL,
				     "#mbox-cells = <%u>: use <0> with arm,func-id or <1> with arm,func-ids\n",
				     cells);
	}

	if (of_find_property(np, other, NULL))
		return dev_err_probe(dev, -EINVAL,
				     "%s does not fit #mbox-cells = <%u>: use %s\n",
				     other, cells, *name);

	if (!of_find_property(np, *name, &len))
		return dev_err_probe(dev, -EINVAL, "missing %s\n", *name);
	if (!len)
		return dev_err_probe(dev, -EINVAL, "%s is empty\n", *name);
	if (len % sizeof(u32))
		return dev_err_probe(dev, -EINVAL,
				     "%s is not a list of 32-bit cells\n", *name);

	count = len / sizeof(u32);
	if (cells == 0 && count != 1)
		return dev_err_probe(dev, -EINVAL,
				     "arm,func-id holds %d IDs: with #mbox-cells = <0> it takes one\n",
				     count);
	if (count > ARM_SMC_MBOX_MAX_CHANS)
		return dev_err_probe(dev, -EINVAL,
				     "%s holds %d IDs: at most %d channels\n",
				     *name, count, ARM_SMC_MBOX_MAX_CHANS);

	return count;
}

/* arm,hvc-mbox always uses HVC; arm,smc-mbox uses SMC unless method says. */
static int arm_smc_mbox_conduit(struct device *dev, bool *hvc)
{
	struct device_node *np = dev->of_node;
	const char *method;
	int ret;

	*hvc = of_device_is_compatible(np, "arm,hvc-mbox");

	ret = of_property_read_string(np, "method", &method);
	if (ret == -EINVAL)
		return 0;
	if (ret)
		return dev_err_probe(dev, -EINVAL, "method is not a string\n");

	if (*hvc)
		return dev_err_probe(dev, -EINVAL,
				     "method does not go with arm,hvc-mbox, which always uses HVC\n");

	if (!strcmp(method, "hvc"))
		*hvc = true;
	else if (strcmp(method, "smc"))
		return dev_err_probe(dev, -EINVAL,
				     "unknown method \"%s\": use \"smc\" or \"hvc\"\n",
				     method);

	return 0;
}

/*
 * Only a fast call that belongs to no architected service may ring firmware:
 * the device tree must never turn a mailbox into, say, a PSCI CPU_OFF.
 */
static int arm_smc_mbox_check_id(struct device *dev, unsigned int index,
				 u32 id)
{
	unsigned int owner = ARM_SMCCC_OWNER_NUM(id);

	if (!ARM_SMCCC_IS_FAST_CALL(id))
		return dev_err_probe(dev, -EINVAL,
				     "channel %u: 0x%08x is a yielding call: only fast calls (bit 31 set) are supported\n",
				     index, id);

	if (id & ARM_SMC_MBOX_FAST_MBZ)
		return dev_err_probe(dev, -EINVAL,
				     "channel %u: 0x%08x is not a valid fast call: bits 23:16 must be zero\n",
				     index, id);

	if (owner == ARM_SMCCC_OWNER_ARCH ||
	    owner == ARM_SMCCC_OWNER_STANDARD ||
	    owner == ARM_SMCCC_OWNER_STANDARD_HYP)
		return dev_err_probe(dev, -EINVAL,
				     "channel %u: 0x%08x belongs to an Arm architecture or standard service (owner %u, e.g. PSCI), not to a mailbox\n",
				     index, id, owner);

	if (!IS_ENABLED(CONFIG_64BIT) && ARM_SMCCC_IS_64(id))
		return dev_err_probe(dev, -EINVAL,
				     "channel %u: 0x%08x is an SMC64 call, which a 32-bit kernel cannot make\n",
				     index, id);

	return 0;
}

static int arm_smc_mbox_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	struct arm_smc_mbox *smbox;
	struct mbox_chan *chans;
	const char *name;
	int count, i, ret;
	bool hvc;
	u32 id;

	count = arm_smc_mbox_count_ids(dev, &name);
	if (count < 0)
		return count;

	ret = arm_smc_mbox_conduit(dev, &hvc);
	if (ret)
		return ret;

	smbox = devm_kzalloc(dev, struct_size(smbox, chan_data, count),
			     GFP_KERNEL);
	if (!smbox)
		return -ENOMEM;

	chans = devm_kcalloc(dev, count, sizeof(*chans), GFP_KERNEL);
	if (!chans)
		return -ENOMEM;

	for (i = 0; i < count; i++) {
		struct arm_smc_mbox_chan *schan = &smbox->chan_data[i];

		ret = of_property_read_u32_index(np, name, i, &id);
		if (ret)
			return dev_err_probe(dev, ret, "cannot read %s[%d]\n",
					     name, i);

		ret = arm_smc_mbox_check_id(dev, i, id);
		if (ret)
			return ret;

		schan->func_id = id;
		schan->smc32 = !ARM_SMCCC_IS_64(id);
		schan->doorbell.args[0] = i;
		schan->chan = &chans[i];
		init_irq_work(&schan->txdone_work, arm_smc_mbox_txdone_work);
		chans[i].con_priv = schan;
	}

	smbox->hvc = hvc;
	/*
	 * The kernel knows the SMCCC version only of the conduit PSCI uses
	 * (SMCCC_VERSION, through PSCI_FEATURES): only calls on that conduit
	 * may take the v1.1 path.
	 */
	smbox->smccc_1_1 = IS_ENABLED(CONFIG_HAVE_ARM_SMCCC_DISCOVERY) &&
			   arm_smccc_1_1_get_conduit() ==
			   (hvc ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC);
	smbox->register_mode = of_property_read_bool(np, "arm,register-mode");

	smbox->controller.dev = dev;
	smbox->controller.ops = &arm_smc_mbox_ops;
	smbox->controller.chans = chans;
	smbox->controller.num_chans = count;
	smbox->controller.of_xlate = arm_smc_mbox_xlate;
	/* Poll, turned into ack or IRQ per client: see startup(). */
	smbox->controller.txdone_irq = false;
	smbox->controller.txdone_poll = true;

	ret = devm_mbox_controller_register(dev, &smbox->controller);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register the controller\n");

	dev_dbg(dev, "%d channel(s), %s (SMCCC %s), %s mode\n", count,
		hvc ? "HVC" : "SMC", smbox->smccc_1_1 ? "v1.1" : "v1.0",
		smbox->register_mode ? "register" : "doorbell");

	return 0;
}

static const struct of_device_id arm_smc_mbox_of_match[] = {
	{ .compatible = "arm,smc-mbox" },
	{ .compatible = "arm,hvc-mbox" },
	{ }
};
MODULE_DEVICE_TABLE(of, arm_smc_mbox_of_match);

static struct platform_driver arm_smc_mbox_driver = {
	.driver = {
		.name = "arm-smc-mbox",
		.of_match_table = arm_smc_mbox_of_match,
	},
	.probe = arm_smc_mbox_probe,
};
module_platform_driver(arm_smc_mbox_driver);

MODULE_DESCRIPTION("ARM SMC/HVC mailbox driver");
MODULE_LICENSE("GPL");
