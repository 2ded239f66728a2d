// SPDX-License-Identifier: GPL-2.0-only
/*
 * resetclient: drive a device's reset lines through Linux's reset API, for tests.
 *
 * Binds to device-tree nodes compatible with "arm-smc-mbox-test,reset-client" (the board's
 * scmi-reset-client, whose resets are the SCMI reset domains) and gives every line named in
 * reset-names a debugfs file:
 *
 *   echo assert|deassert|reset > /sys/kernel/debug/resetclient/<device>/<line>
 *   cat /sys/kernel/debug/resetclient/<device>/<line>	-> "<last operation> <its result>"
 *
 * reset_control_assert(), reset_control_deassert() and reset_control_reset() are the calls a
 * real driver makes; their error comes back from write() unchanged, so a shell test sees it.
 * Test-only: it lets root reset any line the device tree gives it.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct resetclient_line {
	struct reset_control *rstc;
	struct mutex lock;		/* last_op, last_ret */
	const char *last_op;
	int last_ret;
};

static struct dentry *resetclient_root;

static ssize_t resetclient_write(struct file *file, const char __user *ubuf, size_t count,
				 loff_t *ppos)
{
	struct resetclient_line *line = file->private_data;
	char buf[16];
	const char *op;
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	strim(buf);

	if (!strcmp(buf, "assert")) {
		op = "assert";
		ret = reset_control_assert(line->rstc);
	} else if (!strcmp(buf, "deassert")) {
		op = "deassert";
		ret = reset_control_deassert(line->rstc);
	} else if (!strcmp(buf, "reset")) {
		op = "reset";
		ret = reset_control_reset(line->rstc);
	} else {
		return -EINVAL;
	}

	mutex_lock(&line->lock);
	line->last_op = op;
	line->last_ret = ret;
	mutex_unlock(&line->lock);
	return ret ? ret : count;
}

static ssize_t resetclient_read(struct file *file, char __user *ubuf, size_t count,
				loff_t *ppos)
{
	struct resetclient_line *line = file->private_data;
	char buf[32];
	int n;

	mutex_lock(&line->lock);
	n = scnprintf(buf, sizeof(buf), "%s %d\n", line->last_op, line->last_ret);
	mutex_unlock(&line->lock);
	return simple_read_from_buffer(ubuf, count, ppos, buf, n);
}

static const struct file_operations resetclient_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = resetclient_read,
	.write = resetclient_write,
	.llseek = default_llseek,
};

static void resetclient_remove_dir(void *dir)
{
	debugfs_remove_recursive(dir);
}

static int resetclient_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct resetclient_line *line;
	struct dentry *dir;
	const char *name;
	int n, i, ret;

	n = of_property_count_strings(dev->of_node, "reset-names");
	if (n <= 0)
		return dev_err_probe(dev, -EINVAL, "no reset-names\n");

	dir = debugfs_create_dir(dev_name(dev), resetclient_root);
	ret = devm_add_action_or_reset(dev, resetclient_remove_dir, dir);
	if (ret)
		return ret;

	for (i = 0; i < n; i++) {
		ret = of_property_read_string_index(dev->of_node, "reset-names", i, &name);
		if (ret)
			return ret;
		line = devm_kzalloc(dev, sizeof(*line), GFP_KERNEL);
		if (!line)
			return -ENOMEM;
		line->rstc = devm_reset_control_get_exclusive(dev, name);
		if (IS_ERR(line->rstc))
			return dev_err_probe(dev, PTR_ERR(line->rstc), "reset line %s\n", name);
		mutex_init(&line->lock);
		line->last_op = "none";
		debugfs_create_file(name, 0600, dir, line, &resetclient_fops);
	}
	dev_info(dev, "%d reset lines\n", n);
	return 0;
}

static const struct of_device_id resetclient_of_match[] = {
	{ .compatible = "arm-smc-mbox-test,reset-client" },
	{ }
};
MODULE_DEVICE_TABLE(of, resetclient_of_match);

static struct platform_driver resetclient_driver = {
	.probe = resetclient_probe,
	.driver = {
		.name = "resetclient",
		.of_match_table = resetclient_of_match,
	},
};

static int __init resetclient_init(void)
{
	int ret;

	resetclient_root = debugfs_create_dir("resetclient", NULL);
	ret = platform_driver_register(&resetclient_driver);
	if (ret)
		debugfs_remove_recursive(resetclient_root);
	return ret;
}
module_init(resetclient_init);

static void __exit resetclient_exit(void)
{
	platform_driver_unregister(&resetclient_driver);
	debugfs_remove_recursive(resetclient_root);
}
module_exit(resetclient_exit);

MODULE_DESCRIPTION("Test client: a device's reset lines through the reset API, in debugfs");
MODULE_LICENSE("GPL");
