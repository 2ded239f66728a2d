// SPDX-License-Identifier: GPL-2.0-only
/*
 * mboxbench: round-trip times through the ARM SMC mailbox, against the bare SMC (or HVC)
 * beneath it and against Linux's own arm,scmi-smc transport. Used by tools/bench.
 *
 * Inert unless the device tree has a node compatible with "arm-smc-mbox,bench" (the
 * fragment tests/bench/bench.dtsi): without it the module registers nothing, so loading
 * it in every guest (tools/qemu-run does) changes nothing.
 *
 *   echo "ROW COUNT [THREADS]" > /sys/kernel/debug/mboxbench/run
 *   cat /sys/kernel/debug/mboxbench/run
 *	row=ROW threads=T count=N median_ns=.. p99_ns=.. max_ns=.. min_ns=.. mean_ns=..
 *	elapsed_ns=.. msgs_per_s=.. errors=E first_error=.. rx_errors=R
 *
 * ROW is one of the names in bench_ops[] ("cat .../rows" lists those available). Each of the
 * THREADS kernel threads (1 or 2, thread i bound to CPU i) makes COUNT round trips and times
 * each with the architected counter; the statistics cover every sample of every thread.
 * elapsed_ns runs from the first thread's start to the last thread's end: msgs_per_s is
 * THREADS * COUNT over it. Times are guest time: under qemu-run --icount, instructions.
 * errors counts failed operations (first_error: the first one's code); rx_errors counts
 * mailbox replies whose status was an error (e.g. BUSY when both CPUs ring the one ECHO
 * channel at once and the firmware's guard refuses one).
 */
#include <linux/arm-smccc.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/math64.h>
#include <linux/mailbox/arm-smccc-mbox.h>
#include <linux/mailbox_client.h>
#include <linux/mailbox_controller.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/scmi_protocol.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/timex.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include <asm/arch_timer.h>

#include "mboxbench.h"

#define BENCH_COMPAT		"arm-smc-mbox,bench"
#define BENCH_MAX_THREADS	2
#define BENCH_MAX_COUNT		200000
#define BENCH_SCPI_SENSOR	0	/* soc_temp */
#define BENCH_SCMI_DOMAIN	0	/* perf domain 0 */

/* One mailbox channel and the client that holds it. */
struct bench_chan {
	struct mbox_client cl;
	struct mbox_chan *chan;
	atomic_t rx;			/* rx callbacks seen */
	atomic_t rx_errors;		/* ... with a non-zero status */
};

enum { CH_ACK0, CH_ACK1, CH_BLOCK0, CH_BLOCK1, CH_REG, CH_N };
static const char * const chan_names[CH_N] = { "ack0", "ack1", "block0", "block1", "reg" };

static struct {
	struct device *dev;
	u32 bare_fid;			/* the doorbell the mailbox rows ring (bench,bare-fid) */
	struct bench_chan ch[CH_N];
	/* SCMI perf protocol on the two SCMI instances */
	const struct scmi_perf_proto_ops *perf[2];
	struct scmi_protocol_handle *ph[2];
} bench;

enum { SCMI_MBOX, SCMI_SMC };

/* rx callbacks with a non-zero status (e.g. BUSY from the firmware's guard), all channels */
static atomic_t bench_rx_errors = ATOMIC_INIT(0);

static DEFINE_MUTEX(bench_lock);	/* one run at a time; bench_result */
static char bench_result[512] = "no run yet\n";
static struct dentry *bench_dir;
static bool bench_registered;

/* ---- the operations timed ---- */

static int op_bare(int cpu)
{
	struct arm_smccc_res res;

	if (arm_smccc_1_1_get_conduit() == SMCCC_CONDUIT_HVC)
		arm_smccc_hvc(bench.bare_fid, cpu, 0, 0, 0, 0, 0, 0, &res);
	else
		arm_smccc_smc(bench.bare_fid, cpu, 0, 0, 0, 0, 0, 0, &res);
	return (long)(s32)res.a0 < 0 ? -EIO : 0;
}

/* The token each message carries: never read in doorbell mode, but it must not be NULL (the
 * framework takes a NULL active request for "nothing in flight"). */
static int bench_token[BENCH_MAX_THREADS];

/* Doorbell mode, client acknowledges tx-done itself (knows_txdone): the SCMI pattern. */
static int op_ack(int cpu)
{
	struct bench_chan *c = &bench.ch[CH_ACK0 + cpu];
	int ret = mbox_send_message(c->chan, &bench_token[cpu]);

	if (ret < 0)
		return ret;
	mbox_client_txdone(c->chan, 0);
	return 0;
}

/* Doorbell mode, client blocks until the controller says tx-done (tx_block): the SCPI case. */
static int op_block(int cpu)
{
	struct bench_chan *c = &bench.ch[CH_BLOCK0 + cpu];
	int ret = mbox_send_message(c->chan, &bench_token[cpu]);

	return ret < 0 ? ret : 0;
}

/* Register mode (arguments in x1..x6), client acknowledges tx-done itself. */
static int op_reg(int cpu)
{
	struct bench_chan *c = &bench.ch[CH_REG];
	struct arm_smccc_mbox_msg msg = { .args = { cpu, 0x5a5a } };
	int ret = mbox_send_message(c->chan, &msg);

	if (ret < 0)
		return ret;
	mbox_client_txdone(c->chan, 0);
	return msg.status || msg.res[1] != (unsigned long)cpu ? -EIO : 0;
}

/*
 * Diagnostic: the controller's send_data() called directly, without the mailbox framework
 * (no queue, no locks, no tx-done): what the driver itself adds to the bare SMC.
 */
static int op_send_data(int cpu)
{
	struct mbox_chan *chan = bench.ch[CH_ACK0 + cpu].chan;

	return chan->mbox->ops->send_data(chan, &bench_token[cpu]);
}

/* Diagnostic: nothing at all, the cost of taking a sample. */
static int op_none(int cpu)
{
	return 0;
}

static int op_scpi(int cpu)
{
	return bench_scpi_sensor_read(BENCH_SCPI_SENSOR);
}

static int op_scmi(int which)
{
	u32 level;

	return bench.perf[which]->level_get(bench.ph[which], BENCH_SCMI_DOMAIN, &level, false);
}

static int op_scmi_mbox(int cpu) { return op_scmi(SCMI_MBOX); }
static int op_scmi_smc(int cpu) { return op_scmi(SCMI_SMC); }

static bool have_chan(int first, int threads)
{
	int i;

	for (i = 0; i < threads; i++)
		if (!bench.ch[first + i].chan)
			return false;
	return true;
}

static bool avail_bare(int t) { return bench.bare_fid != 0; }
static bool avail_ack(int t) { return have_chan(CH_ACK0, t); }
static bool avail_block(int t) { return have_chan(CH_BLOCK0, t); }
static bool avail_always(int t) { return true; }
static bool avail_reg(int t) { return t == 1 && bench.ch[CH_REG].chan; }
static bool avail_scmi_mbox(int t) { return bench.perf[SCMI_MBOX] != NULL; }
static bool avail_scmi_smc(int t) { return bench.perf[SCMI_SMC] != NULL; }

static bool avail_scpi(int t) { return bench_scpi_available(); }

static const struct bench_op {
	const char *name;
	int (*fn)(int cpu);
	bool (*avail)(int threads);
} bench_ops[] = {
	{ "bare_smc",	op_bare,	avail_bare },	/* arm_smccc_smc/hvc to the doorbell */
	{ "mbox_ack",	op_ack,		avail_ack },
	{ "mbox_block",	op_block,	avail_block },
	{ "mbox_reg",	op_reg,		avail_reg },
	{ "scpi_sensor", op_scpi,	avail_scpi },
	{ "scmi_mbox",	op_scmi_mbox,	avail_scmi_mbox },
	{ "scmi_smc",	op_scmi_smc,	avail_scmi_smc },
	{ "ctrl_send_data", op_send_data, avail_ack },	/* diagnostics */
	{ "sample_cost", op_none,	avail_always },
};

/* ---- running a row ---- */

struct bench_thread {
	const struct bench_op *op;
	int cpu;
	u32 count;
	u64 *samples;			/* counter ticks per round trip */
	u64 t_first, t_last;
	u32 errors;
	int first_error;
	atomic_t *go;
	struct completion done;
};

static int bench_threadfn(void *arg)
{
	struct bench_thread *t = arg;
	u64 t0, t1;
	u32 i;
	int ret;

	/* The writer that sets "go" may share this CPU: yield until it has. */
	while (!atomic_read(t->go))
		cond_resched();
	t->t_first = get_cycles();
	t0 = t->t_first;
	for (i = 0; i < t->count; i++) {
		ret = t->op->fn(t->cpu);
		t1 = get_cycles();
		if (ret) {
			if (!t->errors++)
				t->first_error = ret;
		}
		t->samples[i] = t1 - t0;
		t0 = t1;
		/* A long run must not hog the CPU (the blocking rows sleep anyway). */
		if ((i & 1023) == 1023) {
			cond_resched();
			t0 = get_cycles();
		}
	}
	t->t_last = t0;
	complete(&t->done);
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 ticks_to_ns(u64 ticks)
{
	return mul_u64_u32_div(ticks, NSEC_PER_SEC, arch_timer_get_cntfrq());
}

static int bench_run(const struct bench_op *op, u32 count, int threads)
{
	struct bench_thread th[BENCH_MAX_THREADS] = { };
	struct task_struct *task[BENCH_MAX_THREADS] = { };
	atomic_t go = ATOMIC_INIT(0);
	u64 *all, first = U64_MAX, last = 0, sum = 0, n, elapsed;
	u32 errors = 0, rx_errors = atomic_read(&bench_rx_errors);
	int first_error = 0, i, ret = 0;

	all = vmalloc(array_size(count * threads, sizeof(u64)));
	if (!all)
		return -ENOMEM;
	for (i = 0; i < threads; i++) {
		th[i] = (struct bench_thread){ .op = op, .cpu = i, .count = count,
					       .samples = all + (size_t)i * count, .go = &go };
		init_completion(&th[i].done);
		task[i] = kthread_create_on_cpu(bench_threadfn, &th[i], i, "mboxbench/%u");
		if (IS_ERR(task[i])) {
			ret = PTR_ERR(task[i]);
			/* The threads created so far never ran: stop them before they do. */
			while (i--)
				kthread_stop(task[i]);
			goto out;
		}
	}
	for (i = 0; i < threads; i++)
		wake_up_process(task[i]);
	/* Let every thread reach its CPU and spin on "go" before any starts. */
	msleep(20);
	atomic_set(&go, 1);
	for (i = 0; i < threads; i++)
		wait_for_completion(&th[i].done);
	rx_errors = atomic_read(&bench_rx_errors) - rx_errors;

	n = (u64)count * threads;
	for (i = 0; i < threads; i++) {
		first = min(first, th[i].t_first);
		last = max(last, th[i].t_last);
		errors += th[i].errors;
		if (!first_error)
			first_error = th[i].first_error;
	}
	for (i = 0; i < n; i++)
		sum += all[i];
	sort(all, n, sizeof(u64), cmp_u64, NULL);
	elapsed = ticks_to_ns(last - first);
	scnprintf(bench_result, sizeof(bench_result),
		  "row=%s threads=%d count=%u median_ns=%llu p99_ns=%llu max_ns=%llu min_ns=%llu "
		  "mean_ns=%llu elapsed_ns=%llu msgs_per_s=%llu errors=%u first_error=%d "
		  "rx_errors=%u\n",
		  op->name, threads, count, ticks_to_ns(all[n / 2]),
		  ticks_to_ns(all[div64_u64(n * 99, 100)]), ticks_to_ns(all[n - 1]),
		  ticks_to_ns(all[0]),
		  div64_u64(ticks_to_ns(sum), n), elapsed,
		  elapsed ? div64_u64(n * NSEC_PER_SEC, elapsed) : 0, errors, first_error,
		  rx_errors);
out:
	/* Every thread that was woken has completed: it returns on its own. */
	vfree(all);
	return ret;
}

static ssize_t run_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	char buf[64], name[24];
	unsigned int count, threads = 1;
	unsigned int i;
	int n, ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	n = sscanf(buf, "%23s %u %u", name, &count, &threads);
	if (n < 2 || !count || count > BENCH_MAX_COUNT || !threads ||
	    threads > BENCH_MAX_THREADS || threads > num_online_cpus())
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(bench_ops); i++)
		if (!strcmp(name, bench_ops[i].name))
			break;
	if (i == ARRAY_SIZE(bench_ops))
		return -ENOENT;
	mutex_lock(&bench_lock);
	if (!bench_ops[i].avail(threads))
		ret = -ENODEV;
	else
		ret = bench_run(&bench_ops[i], count, threads);
	mutex_unlock(&bench_lock);
	return ret ? ret : len;
}

static ssize_t run_read(struct file *file, char __user *ubuf, size_t len, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&bench_lock);
	ret = simple_read_from_buffer(ubuf, len, ppos, bench_result, strlen(bench_result));
	mutex_unlock(&bench_lock);
	return ret;
}

static const struct file_operations run_fops = {
	.owner = THIS_MODULE,
	.read = run_read,
	.write = run_write,
	.llseek = default_llseek,
};

/* "rows": each row and the thread counts it can run with now. */
static ssize_t rows_read(struct file *file, char __user *ubuf, size_t len, loff_t *ppos)
{
	char buf[512];
	int n = 0;
	unsigned int i, t;

	mutex_lock(&bench_lock);
	for (i = 0; i < ARRAY_SIZE(bench_ops); i++) {
		n += scnprintf(buf + n, sizeof(buf) - n, "%s", bench_ops[i].name);
		for (t = 1; t <= BENCH_MAX_THREADS; t++)
			if (t <= num_online_cpus() && bench_ops[i].avail(t))
				n += scnprintf(buf + n, sizeof(buf) - n, " %u", t);
		n += scnprintf(buf + n, sizeof(buf) - n, "\n");
	}
	mutex_unlock(&bench_lock);
	return simple_read_from_buffer(ubuf, len, ppos, buf, n);
}

static const struct file_operations rows_fops = {
	.owner = THIS_MODULE,
	.read = rows_read,
	.llseek = default_llseek,
};

/* ---- the mailbox clients (platform device from the fragment) ---- */

static void bench_rx(struct mbox_client *cl, void *data)
{
	struct bench_chan *c = container_of(cl, struct bench_chan, cl);
	struct arm_smccc_mbox_msg *msg = data;

	atomic_inc(&c->rx);
	if (msg && msg->status) {
		atomic_inc(&c->rx_errors);
		atomic_inc(&bench_rx_errors);
	}
}

static void bench_free_chans(void *unused)
{
	int i;

	mutex_lock(&bench_lock);
	for (i = 0; i < CH_N; i++) {
		if (bench.ch[i].chan)
			mbox_free_channel(bench.ch[i].chan);
		bench.ch[i].chan = NULL;
	}
	bench.bare_fid = 0;
	mutex_unlock(&bench_lock);
}

static int bench_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int i, ret;

	if (of_property_read_u32(dev->of_node, "bench,bare-fid", &bench.bare_fid))
		return dev_err_probe(dev, -EINVAL, "missing bench,bare-fid\n");

	for (i = 0; i < CH_N; i++) {
		struct bench_chan *c = &bench.ch[i];
		struct mbox_chan *chan;
		bool block = i == CH_BLOCK0 || i == CH_BLOCK1;

		if (of_property_match_string(dev->of_node, "mbox-names", chan_names[i]) < 0)
			continue;
		c->cl = (struct mbox_client){
			.dev = dev,
			.rx_callback = bench_rx,
			.tx_block = block,
			.tx_tout = 500,
			.knows_txdone = !block,
		};
		chan = mbox_request_channel_byname(&c->cl, chan_names[i]);
		if (IS_ERR(chan)) {
			ret = PTR_ERR(chan);
			bench_free_chans(NULL);
			return dev_err_probe(dev, ret, "channel %s\n", chan_names[i]);
		}
		c->chan = chan;
	}
	return devm_add_action_or_reset(dev, bench_free_chans, NULL);
}

static const struct of_device_id bench_of_match[] = {
	{ .compatible = BENCH_COMPAT },
	{ }
};
MODULE_DEVICE_TABLE(of, bench_of_match);

static struct platform_driver bench_driver = {
	.driver = {
		.name = "mboxbench",
		.of_match_table = bench_of_match,
	},
	.probe = bench_probe,
};

/* ---- the SCMI perf protocol on both instances ---- */

/*
 * Which SCMI instance a protocol device belongs to: its node is the protocol@13 child of the
 * instance's node (6.1 and 6.12 alike), whose compatible names the transport.
 */
static int bench_scmi_which(struct scmi_device *sdev)
{
	struct device_node *np = of_get_parent(sdev->dev.of_node);
	int which = -ENODEV;

	if (np && of_device_is_compatible(np, "arm,scmi-smc"))
		which = SCMI_SMC;
	else if (np && of_device_is_compatible(np, "arm,scmi"))
		which = SCMI_MBOX;
	of_node_put(np);
	return which;
}

static int bench_scmi_probe(struct scmi_device *sdev)
{
	struct scmi_protocol_handle *ph;
	const struct scmi_perf_proto_ops *ops;
	int which = bench_scmi_which(sdev);

	if (which < 0 || !sdev->handle)
		return -ENODEV;
	ops = sdev->handle->devm_protocol_get(sdev, SCMI_PROTOCOL_PERF, &ph);
	if (IS_ERR(ops))
		return PTR_ERR(ops);
	mutex_lock(&bench_lock);
	bench.ph[which] = ph;
	bench.perf[which] = ops;
	mutex_unlock(&bench_lock);
	dev_info(&sdev->dev, "perf protocol over %s\n", which == SCMI_SMC ? "arm,scmi-smc" :
		 "the SMC mailbox");
	return 0;
}

static void bench_scmi_remove(struct scmi_device *sdev)
{
	int which = bench_scmi_which(sdev);

	if (which < 0)
		return;
	mutex_lock(&bench_lock);
	bench.perf[which] = NULL;
	bench.ph[which] = NULL;
	mutex_unlock(&bench_lock);
}

static const struct scmi_device_id bench_scmi_ids[] = {
	{ SCMI_PROTOCOL_PERF, "mboxbench" },
	{ }
};

static struct scmi_driver bench_scmi_driver = {
	.name = "mboxbench",
	.probe = bench_scmi_probe,
	.remove = bench_scmi_remove,
	.id_table = bench_scmi_ids,
};

static int __init bench_init(void)
{
	struct device_node *np = of_find_compatible_node(NULL, NULL, BENCH_COMPAT);
	int ret;

	if (!np)
		return 0;	/* no benchmark in this device tree: stay inert */
	of_node_put(np);

	ret = platform_driver_register(&bench_driver);
	if (ret)
		return ret;
	ret = scmi_register(&bench_scmi_driver);
	if (ret) {
		platform_driver_unregister(&bench_driver);
		return ret;
	}
	bench_registered = true;
	bench_dir = debugfs_create_dir("mboxbench", NULL);
	debugfs_create_file("run", 0600, bench_dir, NULL, &run_fops);
	debugfs_create_file("rows", 0400, bench_dir, NULL, &rows_fops);
	return 0;
}

static void __exit bench_exit(void)
{
	if (!bench_registered)
		return;
	debugfs_remove_recursive(bench_dir);
	scmi_unregister(&bench_scmi_driver);
	platform_driver_unregister(&bench_driver);
	bench_scpi_release();
}

module_init(bench_init);
module_exit(bench_exit);
MODULE_DESCRIPTION("Round-trip benchmark of the ARM SMC mailbox, SCPI and SCMI");
MODULE_LICENSE("GPL");
