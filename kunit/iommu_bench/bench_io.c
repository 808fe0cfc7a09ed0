// SPDX-License-Identifier: GPL-2.0
/*
 * The IOMMU drivers' KUnit test bench (iommu_bench.h): what a case does
 * besides holding things: wait, touch a model's registers, read a
 * driver's debugfs files and look through what it read.
 */
#include <kunit/test.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>

#include "iommu_bench.h"

/* -------------------------------------------------------------- waits -- */

/**
 * ib_poll() - wait up to a second for a condition
 * @done: the condition
 * @obj: its object
 * @arg: its argument
 *
 * Return: whether @done() came true.
 */
bool ib_poll(bool (*done)(void *obj, long arg), void *obj, long arg)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (done(obj, arg))
			return true;
		msleep(20);
	}
	return false;
}
EXPORT_SYMBOL_GPL(ib_poll);

/**
 * ib_wait_count() - wait up to a second for a fault handler's count
 * @count: the count the handler increments last, after its smp_wmb()
 * @want: the count to reach
 *
 * Return: whether it did; then the handler's other fields are readable.
 */
bool ib_wait_count(const int *count, int want)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (READ_ONCE(*count) >= want) {
			/* Pairs with the handler's smp_wmb(). */
			smp_rmb();
			return true;
		}
		msleep(20);
	}
	return false;
}
EXPORT_SYMBOL_GPL(ib_wait_count);

/* ------------------------------------------------- registers, debugfs -- */

/**
 * ib_reg_read() - a register read as a vendor driver would
 * @base: the instance's physical base
 * @window: its register window's size
 * @offset: the register
 *
 * Return: its value, or 0 when the window cannot be mapped.
 */
u32 ib_reg_read(phys_addr_t base, size_t window, u32 offset)
{
	void __iomem *regs = ioremap(base, window);
	u32 value;

	if (!regs)
		return 0;
	value = readl(regs + offset);
	iounmap(regs);
	return value;
}
EXPORT_SYMBOL_GPL(ib_reg_read);

/**
 * ib_reg_write() - a register written as a vendor driver would
 * @base: the instance's physical base
 * @window: its register window's size
 * @offset: the register
 * @value: what to write
 */
void ib_reg_write(phys_addr_t base, size_t window, u32 offset, u32 value)
{
	void __iomem *regs = ioremap(base, window);

	if (!regs)
		return;
	writel(value, regs + offset);
	iounmap(regs);
}
EXPORT_SYMBOL_GPL(ib_reg_write);

/*
 * debugfs's proxy has .read but no .read_iter, so kernel_read() refuses its
 * files.  A seq_file (what the drivers' files are) is read as seq_read()
 * reads it, through seq_read_iter() into a kernel buffer, with the file
 * held against removal as the proxy holds it.
 */
static ssize_t ib_read_file(struct file *f, char *buf, size_t len, loff_t *pos)
{
	const struct file_operations *fops = debugfs_real_fops(f);
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct dentry *dentry = f->f_path.dentry;
	struct iov_iter iter;
	struct kiocb kiocb;
	ssize_t n;

	if (!fops || fops->read != seq_read)
		return kernel_read(f, buf, len, pos);
	n = debugfs_file_get(dentry);
	if (n)
		return n;
	init_sync_kiocb(&kiocb, f);
	kiocb.ki_pos = *pos;
	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, len);
	n = seq_read_iter(&kiocb, &iter);
	if (n > 0)
		*pos = kiocb.ki_pos;
	debugfs_file_put(dentry);
	return n;
}

/**
 * ib_debugfs_read() - a driver's debugfs file, read as a user would
 * @dir: the driver's directory under /sys/kernel/debug
 * @dev: the IOMMU instance (its subdirectory)
 * @file: the file
 * @buf: at most @len - 1 bytes and a NUL
 * @len: @buf's size
 * @ns: the time the reads took (may be NULL)
 *
 * Return: the bytes read or a negative errno.
 */
long ib_debugfs_read(const char *dir, struct device *dev, const char *file, char *buf,
		     size_t len, u64 *ns)
{
	size_t total = 0;
	struct file *f;
	loff_t pos = 0;
	ssize_t n = 0;
	char *path;
	ktime_t t0;

	if (!dev || len < 2)
		return -EINVAL;
	path = kasprintf(GFP_KERNEL, "/sys/kernel/debug/%s/%s/%s", dir, dev_name(dev), file);
	if (!path)
		return -ENOMEM;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	t0 = ktime_get();
	while (total < len - 1) {
		n = ib_read_file(f, buf + total, len - 1 - total, &pos);
		if (n <= 0)
			break;
		total += n;
	}
	if (ns)
		*ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	filp_close(f, NULL);
	buf[total] = '\0';
	return n < 0 ? n : total;
}
EXPORT_SYMBOL_GPL(ib_debugfs_read);

/**
 * ib_contains() - whether @needle is in @text
 * @text: what a case read
 * @needle: what it looks for
 *
 * Return: true if it is.
 */
bool ib_contains(const char *text, const char *needle)
{
	return strstr(text, needle);
}
EXPORT_SYMBOL_GPL(ib_contains);

/**
 * ib_text_field() - the value of the line "@key 0x<hex>" in @text
 * @text: what a case read
 * @key: the line's key
 * @value: its value
 *
 * Return: false if there is no such line.
 */
bool ib_text_field(const char *text, const char *key, u32 *value)
{
	size_t klen = strlen(key);
	const char *line = text;

	while (line) {
		if (!strncmp(line, key, klen) && !strncmp(line + klen, " 0x", 3))
			return sscanf(line + klen + 3, "%x", value) == 1;
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return false;
}
EXPORT_SYMBOL_GPL(ib_text_field);

/**
 * ib_log() - what a case read, into the case's output
 * @test: the case
 * @what: a label
 * @text: the text: one KTAP diagnostic line per line of it
 */
void ib_log(struct kunit *test, const char *what, const char *text)
{
	const char *end;

	for (; *text; text = *end ? end + 1 : end) {
		end = strchrnul(text, '\n');
		kunit_info(test, "%s: %.*s", what, (int)(end - text), text);
	}
}
EXPORT_SYMBOL_GPL(ib_log);
