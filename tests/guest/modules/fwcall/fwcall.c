// SPDX-License-Identifier: GPL-2.0-only
/*
 * fwcall: issue an SMCCC call from a shell, for tests.
 *
 *   echo "<fid> [a1 .. a6] [smc|hvc]" > /sys/kernel/debug/fwcall/call
 *   cat /sys/kernel/debug/fwcall/call	-> "x0 x1 x2 x3" of the last call (hex)
 *
 * Without a conduit word the call goes through the conduit PSCI uses (arm_smccc_1_1_invoke).
 * Test-only: it lets root make any firmware call, which is the point.
 *
 *   echo /host/path > /sys/kernel/debug/fwcall/semihost
 *
 * issues Arm semihosting calls from EL1 (HLT #0xF000): SYS_OPEN of that host path for
 * writing, SYS_WRITE, SYS_CLOSE, then SYS_SYSTEM("touch <path>.system"). With semihosting
 * enabled in QEMU they would create both files on the host; without it the first HLT is an
 * undefined instruction and the kernel oopses. tests/guest/run-guest-tests checks that no
 * file appears (tools/qemu-run must never pass -semihosting).
 */
#include <linux/arm-smccc.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static DEFINE_MUTEX(fwcall_lock);
static struct arm_smccc_res fwcall_last;
static struct dentry *fwcall_dir;

static ssize_t fwcall_write(struct file *file, const char __user *ubuf, size_t count,
			    loff_t *ppos)
{
	unsigned long a[7] = { 0 };
	struct arm_smccc_res res;
	char buf[256], *p = buf, *tok;
	int n = 0, conduit = 0;	/* 0: as PSCI, 1: smc, 2: hvc */

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';

	while ((tok = strsep(&p, " \t\n"))) {
		if (!*tok)
			continue;
		if (!strcmp(tok, "smc")) {
			conduit = 1;
		} else if (!strcmp(tok, "hvc")) {
			conduit = 2;
		} else {
			if (n >= ARRAY_SIZE(a) || kstrtoul(tok, 0, &a[n]))
				return -EINVAL;
			n++;
		}
	}
	if (!n)
		return -EINVAL;

	if (conduit == 1)
		arm_smccc_smc(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0, &res);
	else if (conduit == 2)
		arm_smccc_hvc(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0, &res);
	else
		arm_smccc_1_1_invoke(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0, &res);

	mutex_lock(&fwcall_lock);
	fwcall_last = res;
	mutex_unlock(&fwcall_lock);
	return count;
}

static ssize_t fwcall_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	char buf[96];
	int len;

	mutex_lock(&fwcall_lock);
	len = scnprintf(buf, sizeof(buf), "0x%lx 0x%lx 0x%lx 0x%lx\n", fwcall_last.a0,
			fwcall_last.a1, fwcall_last.a2, fwcall_last.a3);
	mutex_unlock(&fwcall_lock);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

#ifdef CONFIG_ARM64	/* the semihosting check is the arm64 rig's: A64 HLT, x0/x1 */
#define SEMIHOST_SYS_OPEN	0x01
#define SEMIHOST_SYS_CLOSE	0x02
#define SEMIHOST_SYS_WRITE	0x05
#define SEMIHOST_SYS_SYSTEM	0x12
#define SEMIHOST_OPEN_W		4	/* fopen mode "w" */

static long semihost(unsigned long op, unsigned long *block)
{
	register unsigned long x0 asm("x0") = op;
	register unsigned long *x1 asm("x1") = block;

	asm volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	return (long)x0;
}

static ssize_t semihost_write(struct file *file, const char __user *ubuf, size_t count,
			      loff_t *ppos)
{
	static const char text[] = "semihosting reached the host\n";
	char path[200], cmd[240];
	unsigned long block[3];
	long fd;

	if (count >= sizeof(path))
		return -EINVAL;
	if (copy_from_user(path, ubuf, count))
		return -EFAULT;
	path[count] = '\0';
	strim(path);

	block[0] = (unsigned long)path;
	block[1] = SEMIHOST_OPEN_W;
	block[2] = strlen(path);
	fd = semihost(SEMIHOST_SYS_OPEN, block);
	pr_err("fwcall: semihosting SYS_OPEN returned %ld\n", fd);
	if (fd >= 0) {
		block[0] = fd;
		block[1] = (unsigned long)text;
		block[2] = sizeof(text) - 1;
		semihost(SEMIHOST_SYS_WRITE, block);
		block[0] = fd;
		semihost(SEMIHOST_SYS_CLOSE, block);
	}
	snprintf(cmd, sizeof(cmd), "touch '%s.system'", path);
	block[0] = (unsigned long)cmd;
	block[1] = strlen(cmd);
	pr_err("fwcall: semihosting SYS_SYSTEM returned %ld\n", semihost(SEMIHOST_SYS_SYSTEM, block));
	return count;
}

static const struct file_operations semihost_fops = {
	.owner = THIS_MODULE,
	.write = semihost_write,
	.llseek = default_llseek,
};
#endif

static const struct file_operations fwcall_fops = {
	.owner = THIS_MODULE,
	.read = fwcall_read,
	.write = fwcall_write,
	.llseek = default_llseek,
};

static int __init fwcall_init(void)
{
	fwcall_dir = debugfs_create_dir("fwcall", NULL);
	debugfs_create_file("call", 0600, fwcall_dir, NULL, &fwcall_fops);
#ifdef CONFIG_ARM64
	debugfs_create_file("semihost", 0200, fwcall_dir, NULL, &semihost_fops);
#endif
	return 0;
}

static void __exit fwcall_exit(void)
{
	debugfs_remove_recursive(fwcall_dir);
}

module_init(fwcall_init);
module_exit(fwcall_exit);
MODULE_DESCRIPTION("Issue SMCCC calls from debugfs, for tests");
MODULE_LICENSE("GPL");
