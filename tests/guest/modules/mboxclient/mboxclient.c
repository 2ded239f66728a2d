// SPDX-License-Identifier: GPL-2.0-only
/*
 * mboxclient: a test client of the ARM SMC mailbox, for the concurrency and
 * life-cycle tests (tests/guest/stress.sh, tests/guest/lifecycle/).
 *
 * A platform driver for device tree nodes compatible with
 * "arm-smc-mbox-test,client". At probe it requests every channel in its
 * "mboxes" property, and a devm action frees each one again, so that the
 * client, its module and the controller beneath it can all be unbound or
 * unloaded. The node chooses how it talks to the controller:
 *
 *   mode = "register" (default) or "doorbell";
 *   txdone = "controller" (default: tx_block, the controller's tx-done) or
 *            "client" (knows_txdone: the client acks with mbox_client_txdone)
 *
 * and the module parameters of the same names, when set, override the node
 * for every device probed after they are written.
 *
 * Register mode sends a struct arm_smccc_mbox_msg with arguments in x1..x6
 * and checks the answer of the firmware's ECHO service (x1 and x2 back, a
 * per-channel sequence number in x3). Doorbell mode sends an opaque message
 * and checks what the controller hands back: the channel index it passed in
 * x1 and zeros in the other arguments, echoed, and the sequence number.
 *
 * Per device, in /sys/kernel/debug/mboxclient/<device>/:
 *   send	write N: send N messages from the calling CPU, one after the
 *		other, each waited for; writers on several CPUs send at once
 *   stats	sent, completed, errors, echo mismatches, sequence gaps and
 *		duplicates, the longest round trip, and how many messages
 *		each CPU handed to the controller
 *
 * Test-only: it rings whatever firmware the device tree points it at.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mailbox/arm-smccc-mbox.h>
#include <linux/mailbox_client.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/of.h>
#include <linux/percpu.h>
#include <linux/platform_device.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define MBC_MAX_SEND		100000000U
#define MBC_ARG_HIGH		0x5a5a5a5a00000000UL

static char *mode;
module_param(mode, charp, 0644);
MODULE_PARM_DESC(mode, "\"register\" or \"doorbell\"; empty: the node's mode property");

static char *txdone;
module_param(txdone, charp, 0644);
MODULE_PARM_DESC(txdone, "\"controller\" or \"client\"; empty: the node's txdone property");

static unsigned int timeout_ms = 5000;
module_param(timeout_ms, uint, 0644);
MODULE_PARM_DESC(timeout_ms, "how long a message may take before it counts as lost");

static struct dentry *mbc_root;

/**
 * struct mbc_msg - one message of a writer to the send file
 * @msg:	what the controller receives (register mode) or is handed
 *		as an opaque pointer (doorbell mode)
 * @done:	completed by the rx callback that answers @msg
 */
struct mbc_msg {
	struct arm_smccc_mbox_msg msg;
	struct completion done;
};

/**
 * struct mbc_chan - one channel of a client device
 * @cl:		the mailbox client
 * @chan:	the channel, from mbox_request_channel()
 * @mdev:	the client device it belongs to
 * @register_mode: register mode, else doorbell mode
 * @smc64:	the channel's function ID uses SMC64: arguments are 64 bits
 * @index:	the channel's cell in the controller's mboxes specifier (0 if
 *		none): what doorbell mode passes in x1
 * @lock:	protects @inflight, @seq_valid and @last_seq
 * @inflight:	the message handed to the controller and not answered yet
 * @seq_valid:	@last_seq holds the sequence number of an earlier answer
 * @last_seq:	sequence number of the latest answer
 * @sent:	messages the framework accepted
 * @completed:	answers to those messages
 * @errors:	failed sends, error statuses, lost and stray answers
 * @mismatches:	answers whose echo is not what was sent
 * @gaps:	answers whose sequence number skips one or more
 * @dups:	answers whose sequence number repeats or goes back
 * @max_ns:	longest time from mbox_send_message() to the answer and, with
 *		tx-done by the controller, to the framework's completion
 */
struct mbc_chan {
	struct mbox_client cl;
	struct mbox_chan *chan;
	struct mbc_dev *mdev;
	bool register_mode;
	bool smc64;
	u32 index;
	spinlock_t lock;		/* @inflight, @seq_valid, @last_seq */
	struct mbc_msg *inflight;
	bool seq_valid;
	u32 last_seq;
	atomic64_t sent;
	atomic64_t completed;
	atomic64_t errors;
	atomic64_t mismatches;
	atomic64_t gaps;
	atomic64_t dups;
	atomic64_t max_ns;
};

/**
 * struct mbc_dev - one client device
 * @dev:	the device
 * @dir:	its debugfs directory
 * @register_mode: register mode, else doorbell mode
 * @client_txdone: the client acks each message (knows_txdone)
 * @dying:	the device is going away: writers of send stop at their next
 *		message, so that removing the debugfs files (which waits for
 *		them) does not wait for all the messages they were asked for
 * @next:	round robin over the channels
 * @on_cpu:	messages handed to the controller, per CPU
 * @nchans:	number of channels
 * @chans:	the channels
 */
struct mbc_dev {
	struct device *dev;
	struct dentry *dir;
	bool register_mode;
	bool client_txdone;
	bool dying;
	atomic_t next;
	u64 __percpu *on_cpu;
	unsigned int nchans;
	struct mbc_chan chans[];
};

static struct mbc_chan *to_mbc_chan(struct mbox_client *cl)
{
	return container_of(cl, struct mbc_chan, cl);
}

/* Called under the channel's lock, just before the controller's send_data. */
static void mbc_tx_prepare(struct mbox_client *cl, void *data)
{
	struct mbc_chan *mchan = to_mbc_chan(cl);
	struct mbc_msg *m = container_of(data, struct mbc_msg, msg);
	unsigned long flags;

	this_cpu_inc(*mchan->mdev->on_cpu);

	spin_lock_irqsave(&mchan->lock, flags);
	if (mchan->inflight)
		atomic64_inc(&mchan->errors);	/* the previous one was never answered */
	mchan->inflight = m;
	spin_unlock_irqrestore(&mchan->lock, flags);
}

/* The echo the firmware must have returned for @sent, given what came back in @got. */
static bool mbc_echo_ok(const struct mbc_chan *mchan,
			const struct arm_smccc_mbox_msg *sent,
			const struct arm_smccc_mbox_msg *got)
{
	unsigned long x1 = sent->args[0], x2 = sent->args[1];
	unsigned int i;

	if (!mchan->register_mode) {
		/* Doorbell: the controller owns the message and passed the index. */
		if (got == sent || got->args[0] != mchan->index)
			return false;
		for (i = 1; i < ARM_SMCCC_MBOX_NUM_ARGS; i++)
			if (got->args[i])
				return false;
		x1 = got->args[0];
		x2 = 0;
	} else if (got != sent) {
		return false;
	}

	if (!mchan->smc64) {
		x1 = lower_32_bits(x1);
		x2 = lower_32_bits(x2);
		if (upper_32_bits(got->res[3]))
			return false;
	}

	return got->res[0] == 0 && got->res[1] == x1 && got->res[2] == x2;
}

/* Called by the controller from its send_data, under the channel's lock. */
static void mbc_rx_callback(struct mbox_client *cl, void *data)
{
	struct mbc_chan *mchan = to_mbc_chan(cl);
	struct arm_smccc_mbox_msg *got = data;
	struct mbc_msg *m;
	unsigned long flags;
	u32 seq;

	spin_lock_irqsave(&mchan->lock, flags);
	m = mchan->inflight;
	mchan->inflight = NULL;
	if (!m || !got) {
		spin_unlock_irqrestore(&mchan->lock, flags);
		atomic64_inc(&mchan->errors);
		return;
	}

	seq = lower_32_bits(got->res[3]);
	if (!got->status) {
		if (mchan->seq_valid && seq == mchan->last_seq + 1)
			;
		else if (mchan->seq_valid && (s32)(seq - mchan->last_seq) <= 0)
			atomic64_inc(&mchan->dups);
		else if (mchan->seq_valid)
			atomic64_inc(&mchan->gaps);
		mchan->seq_valid = true;
		mchan->last_seq = seq;
	}
	spin_unlock_irqrestore(&mchan->lock, flags);

	if (got->status)
		atomic64_inc(&mchan->errors);
	else if (!mbc_echo_ok(mchan, &m->msg, got))
		atomic64_inc(&mchan->mismatches);

	atomic64_inc(&mchan->completed);
	complete(&m->done);
}

/*
 * Send one message and wait for its answer. Returns 0, or a negative error
 * after which @m must not be used again (the framework may still hold it).
 */
static int mbc_send_one(struct mbc_dev *mdev, struct mbc_chan *mchan,
			struct mbc_msg *m, unsigned int n)
{
	unsigned int i;
	s64 t, max;
	ktime_t t0;
	int ret;

	memset(&m->msg, 0, sizeof(m->msg));
	if (mchan->register_mode) {
		/*
		 * Different in every message and every CPU, with a high half
		 * an SMC32 channel must drop.
		 */
		m->msg.args[0] = MBC_ARG_HIGH | (raw_smp_processor_id() << 24) |
				 (n & 0xffffff);
		m->msg.args[1] = ~m->msg.args[0];
		for (i = 2; i < ARM_SMCCC_MBOX_NUM_ARGS; i++)
			m->msg.args[i] = MBC_ARG_HIGH | i;
	}
	reinit_completion(&m->done);

	t0 = ktime_get();
	ret = mbox_send_message(mchan->chan, &m->msg);
	if (ret < 0) {
		atomic64_inc(&mchan->errors);
		/* -ETIME: queued, and perhaps still is */
		return ret == -ETIME ? -ETIMEDOUT : ret;
	}
	atomic64_inc(&mchan->sent);

	/*
	 * With several writers the framework's own completion may wake this
	 * one for another writer's message: wait for the answer to this one.
	 */
	if (!wait_for_completion_timeout(&m->done,
					 msecs_to_jiffies(timeout_ms))) {
		atomic64_inc(&mchan->errors);
		dev_err_ratelimited(mdev->dev, "no answer in %u ms\n",
				    timeout_ms);
		return -ETIMEDOUT;
	}

	t = ktime_to_ns(ktime_sub(ktime_get(), t0));
	max = atomic64_read(&mchan->max_ns);
	while (t > max && !atomic64_try_cmpxchg(&mchan->max_ns, &max, t))
		;

	if (mdev->client_txdone)
		mbox_client_txdone(mchan->chan, 0);

	return 0;
}

static ssize_t mbc_send_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct mbc_dev *mdev = file->private_data;
	struct mbc_msg *m;
	unsigned int n, i;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 0, &n);
	if (ret)
		return ret;
	if (n > MBC_MAX_SEND)
		return -EINVAL;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	init_completion(&m->done);

	for (i = 0; i < n; i++) {
		unsigned int c = (unsigned int)atomic_inc_return(&mdev->next);

		ret = mbc_send_one(mdev, &mdev->chans[c % mdev->nchans], m, i);
		if (ret == -ETIMEDOUT)
			return ret;	/* @m is left to the framework */
		if (ret)
			break;
		if (READ_ONCE(mdev->dying)) {
			ret = -ENODEV;
			break;
		}
		if (fatal_signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		cond_resched();
	}

	kfree(m);
	return ret ? ret : count;
}

static const struct file_operations mbc_send_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = mbc_send_write,
	.llseek = noop_llseek,
};

static int mbc_stats_show(struct seq_file *s, void *unused)
{
	struct mbc_dev *mdev = s->private;
	u64 sum[6] = { 0 }, max_ns = 0;
	unsigned int i;
	int cpu;

	for (i = 0; i < mdev->nchans; i++) {
		struct mbc_chan *mchan = &mdev->chans[i];

		sum[0] += atomic64_read(&mchan->sent);
		sum[1] += atomic64_read(&mchan->completed);
		sum[2] += atomic64_read(&mchan->errors);
		sum[3] += atomic64_read(&mchan->mismatches);
		sum[4] += atomic64_read(&mchan->gaps);
		sum[5] += atomic64_read(&mchan->dups);
		max_ns = max_t(u64, max_ns, atomic64_read(&mchan->max_ns));
	}

	seq_printf(s, "mode: %s\n", mdev->register_mode ? "register" : "doorbell");
	seq_printf(s, "txdone: %s\n", mdev->client_txdone ? "client" : "controller");
	seq_printf(s, "channels: %u\n", mdev->nchans);
	seq_printf(s, "sent: %llu\n", sum[0]);
	seq_printf(s, "completed: %llu\n", sum[1]);
	seq_printf(s, "errors: %llu\n", sum[2]);
	seq_printf(s, "echo-mismatches: %llu\n", sum[3]);
	seq_printf(s, "seq-gaps: %llu\n", sum[4]);
	seq_printf(s, "seq-dups: %llu\n", sum[5]);
	seq_printf(s, "max-latency-us: %llu\n", div_u64(max_ns, NSEC_PER_USEC));
	for (i = 0; i < mdev->nchans; i++)
		seq_printf(s, "chan%u: sent %lld completed %lld last-seq %u\n", i,
			   (long long)atomic64_read(&mdev->chans[i].sent),
			   (long long)atomic64_read(&mdev->chans[i].completed),
			   mdev->chans[i].last_seq);
	seq_puts(s, "on-cpu:");
	for_each_possible_cpu(cpu)
		seq_printf(s, " %llu", *per_cpu_ptr(mdev->on_cpu, cpu));
	seq_putc(s, '\n');

	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mbc_stats);

/*
 * From mboxes[@i] and the controller's node: the cell (the index doorbell
 * mode passes) and whether the function ID is an SMC64 one (bit 30).
 */
static void mbc_chan_id(struct device_node *np, int i, struct mbc_chan *mchan)
{
	struct of_phandle_args spec;
	u32 id = 0;
	int ret;

	if (of_parse_phandle_with_args(np, "mboxes", "#mbox-cells", i, &spec))
		return;
	if (spec.args_count) {
		mchan->index = spec.args[0];
		ret = of_property_read_u32_index(spec.np, "arm,func-ids",
						 spec.args[0], &id);
	} else {
		ret = of_property_read_u32(spec.np, "arm,func-id", &id);
	}
	of_node_put(spec.np);

	mchan->smc64 = !ret && (id & BIT(30));
}

/* @param if set, else the node's @prop; true if it is @yes, false if @no. */
static int mbc_choice(struct device *dev, const char *param, const char *prop,
		      const char *yes, const char *no, bool dflt, bool *out)
{
	const char *val = NULL;
	int ret = 0;

	kernel_param_lock(THIS_MODULE);
	if (param && !sysfs_streq(param, ""))
		val = param;
	else if (of_property_read_string(dev->of_node, prop, &val))
		val = NULL;

	if (!val)
		*out = dflt;
	else if (sysfs_streq(val, yes))
		*out = true;
	else if (sysfs_streq(val, no))
		*out = false;
	else
		ret = -EINVAL;
	kernel_param_unlock(THIS_MODULE);

	if (ret)
		dev_err(dev, "%s: use \"%s\" or \"%s\"\n", prop, yes, no);
	return ret;
}

static void mbc_free_chan(void *data)
{
	struct mbc_chan *mchan = data;

	mbox_free_channel(mchan->chan);
}

static void mbc_remove_debugfs(void *data)
{
	struct mbc_dev *mdev = data;

	/*
	 * Waits for writers of send still running, which stop at their next
	 * message: the device can be unbound (or its controller, which
	 * unbinds it first) while every CPU is sending.
	 */
	WRITE_ONCE(mdev->dying, true);
	debugfs_remove_recursive(mdev->dir);
}

static int mbc_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	bool register_mode, client_txdone;
	struct mbc_dev *mdev;
	int n, i, ret;

	n = of_count_phandle_with_args(np, "mboxes", "#mbox-cells");
	if (n <= 0)
		return dev_err_probe(dev, -ENODEV, "no mboxes\n");

	ret = mbc_choice(dev, mode, "mode", "register", "doorbell", true,
			 &register_mode);
	if (ret)
		return ret;
	ret = mbc_choice(dev, txdone, "txdone", "client", "controller", false,
			 &client_txdone);
	if (ret)
		return ret;

	mdev = devm_kzalloc(dev, struct_size(mdev, chans, n), GFP_KERNEL);
	if (!mdev)
		return -ENOMEM;
	mdev->on_cpu = devm_alloc_percpu(dev, u64);
	if (!mdev->on_cpu)
		return -ENOMEM;
	mdev->dev = dev;
	mdev->register_mode = register_mode;
	mdev->client_txdone = client_txdone;
	mdev->nchans = n;
	atomic_set(&mdev->next, -1);

	for (i = 0; i < n; i++) {
		struct mbc_chan *mchan = &mdev->chans[i];

		spin_lock_init(&mchan->lock);
		mchan->mdev = mdev;
		mchan->register_mode = register_mode;
		mbc_chan_id(np, i, mchan);
		mchan->cl.dev = dev;
		mchan->cl.tx_block = !client_txdone;
		mchan->cl.tx_tout = timeout_ms;
		mchan->cl.knows_txdone = client_txdone;
		mchan->cl.rx_callback = mbc_rx_callback;
		mchan->cl.tx_prepare = mbc_tx_prepare;

		mchan->chan = mbox_request_channel(&mchan->cl, i);
		if (IS_ERR(mchan->chan))
			return dev_err_probe(dev, PTR_ERR(mchan->chan),
					     "cannot get channel %d\n", i);
		ret = devm_add_action_or_reset(dev, mbc_free_chan, mchan);
		if (ret)
			return ret;
	}

	/* Removed before the channels are freed: devm runs actions in reverse. */
	mdev->dir = debugfs_create_dir(dev_name(dev), mbc_root);
	debugfs_create_file("send", 0200, mdev->dir, mdev, &mbc_send_fops);
	debugfs_create_file("stats", 0400, mdev->dir, mdev, &mbc_stats_fops);
	ret = devm_add_action_or_reset(dev, mbc_remove_debugfs, mdev);
	if (ret)
		return ret;

	dev_dbg(dev, "%d channel(s), %s mode, tx-done by the %s\n", n,
		register_mode ? "register" : "doorbell",
		client_txdone ? "client" : "controller");
	return 0;
}

static const struct of_device_id mbc_of_match[] = {
	{ .compatible = "arm-smc-mbox-test,client" },
	{ }
};
MODULE_DEVICE_TABLE(of, mbc_of_match);

static struct platform_driver mbc_driver = {
	.driver = {
		.name = "mboxclient",
		.of_match_table = mbc_of_match,
	},
	.probe = mbc_probe,
};

static int __init mbc_init(void)
{
	int ret;

	mbc_root = debugfs_create_dir("mboxclient", NULL);
	ret = platform_driver_register(&mbc_driver);
	if (ret)
		debugfs_remove_recursive(mbc_root);
	return ret;
}

static void __exit mbc_exit(void)
{
	platform_driver_unregister(&mbc_driver);
	debugfs_remove_recursive(mbc_root);
}

module_init(mbc_init);
module_exit(mbc_exit);
MODULE_DESCRIPTION("Test client of the ARM SMC mailbox");
MODULE_LICENSE("GPL");
