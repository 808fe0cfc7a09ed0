// SPDX-License-Identifier: GPL-2.0
/*
 * User-space tests of the simulated remote processors, run inside UML by
 * the harness ("!run SUITE ..." in kunit/modules.list) against the
 * remote-processor model.  Prints KTAP, one suite per invocation; exits 1
 * when a case failed.
 *
 *   rproc-test rproc_firmware     point the firmware loader at the images
 *                                 ($SOCMMU_TOOLS/firmware) and check them
 *   rproc-test rproc_echo         1000 messages each way through
 *                                 /dev/rpmsg_ctrlN and an endpoint of
 *                                 rpmsg_char, per core, every byte checked
 *   rproc-test rproc_runtime_pm   the core and its IOMMUs suspend between
 *                                 messages; the next one wakes them
 *   rproc_test rproc_recovery     an IOMMU fault of the core: crash,
 *                                 coredump, recovery, echoes again
 *   rproc-test rproc_before_sleep / rproc_after_sleep
 *                                 around the harness's "!sleep": the cores
 *                                 held running, then checked powered off
 *                                 and back once, echoing as before
 *
 * Built static on the host (scripts/check.sh), like uml-helper.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <linux/elf.h>
#include <linux/rpmsg.h>

#include "../../kunit/user/ktap_user.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ECHO_ADDR	0x400
#define MSG_MAX		496
#define TIMEOUT_MS	10000
#define MODEL_DEBUGFS	"/sys/kernel/debug/socmmu_rproc_model"
#define DRIVER_DEBUGFS	"/sys/kernel/debug/socmmu-rproc"
#define FW_PATH_PARAM	"/sys/module/firmware_class/parameters/path"

struct core {
	const char *name;
	const char *dev;		/* platform device */
	const char *node;		/* the model's debugfs directory */
	const char *mmus[2];
	unsigned int nr_mmus;
	unsigned int nowhere;		/* a device address nothing maps */
	unsigned int text_da, data_da;
};

static const struct core cores[] = {
	{ "ipu", "d5000000.rproc", "rproc@d5000000", { "d1090000.mmu" }, 1, 0x7ff00000,
	  0x00000000, 0x80000000 },
	{ "dsp", "d5001000.rproc", "rproc@d5001000", { "d10a0000.mmu", "d10a1000.mmu" }, 2,
	  0x96000000, 0x95000000, 0x95100000 },
};

static const char data_text[] = "socmmu simulated remote processor firmware: data";

static long model_stat(const struct core *c, const char *key)
{
	char p[200];

	snprintf(p, sizeof(p), MODEL_DEBUGFS "/%s/stats", c->node);
	return stat_value(p, key);
}

static void model_reset(const struct core *c)
{
	char p[200];

	snprintf(p, sizeof(p), MODEL_DEBUGFS "/%s/stats", c->node);
	write_str(p, "0");
}

static long driver_stat(const struct core *c, const char *key)
{
	char p[200];

	snprintf(p, sizeof(p), DRIVER_DEBUGFS "/%s/stats", c->dev);
	return stat_value(p, key);
}

/* /sys/class/remoteproc/remoteprocN of the core, in @out. */
static int rproc_dir(const struct core *c, char *out, size_t len)
{
	char p[200];
	struct dirent *e;
	DIR *d;

	snprintf(p, sizeof(p), "/sys/bus/platform/devices/%s/remoteproc", c->dev);
	d = opendir(p);
	while (d && (e = readdir(d))) {
		if (!strncmp(e->d_name, "remoteproc", 10)) {
			snprintf(out, len, "/sys/class/remoteproc/%s", e->d_name);
			closedir(d);
			return 0;
		}
	}
	if (d)
		closedir(d);
	return -ENOENT;
}

static int rproc_attr(const struct core *c, const char *attr, char *out, size_t len)
{
	char dir[300], p[600];

	if (rproc_dir(c, dir, sizeof(dir)))
		return -ENOENT;
	snprintf(p, sizeof(p), "%s/%s", dir, attr);
	return read_line(p, out, len);
}

static int rproc_set(const struct core *c, const char *attr, const char *value)
{
	char dir[300], p[600];

	if (rproc_dir(c, dir, sizeof(dir)))
		return -ENOENT;
	snprintf(p, sizeof(p), "%s/%s", dir, attr);
	return write_str(p, value);
}

static int set_power(const char *dev, const char *attr, const char *value)
{
	char p[200];

	snprintf(p, sizeof(p), "/sys/bus/platform/devices/%s/power/%s", dev, attr);
	return write_str(p, value);
}

/* ---------------------------------------------------------- rpmsg -- */

/* Does the class device /sys/class/rpmsg/@entry belong to @c? */
static int rpmsg_of(const struct core *c, const char *entry)
{
	char p[600], real[PATH_MAX], needle[64];

	snprintf(p, sizeof(p), "/sys/class/rpmsg/%s", entry);
	if (!realpath(p, real))
		return 0;
	snprintf(needle, sizeof(needle), "/%s/", c->dev);
	return !!strstr(real, needle);
}

/* The core's /dev/rpmsg_ctrlN, once rpmsg has probed on it. */
static int find_ctrl(const struct core *c, char *path, size_t len)
{
	int ms;

	for (ms = 0; ms < TIMEOUT_MS; ms += 10) {
		DIR *d = opendir("/sys/class/rpmsg");
		struct dirent *e;

		while (d && (e = readdir(d))) {
			if (strncmp(e->d_name, "rpmsg_ctrl", 10) || !rpmsg_of(c, e->d_name))
				continue;
			snprintf(path, len, "/dev/%s", e->d_name);
			closedir(d);
			if (!access(path, R_OK | W_OK))
				return 0;
			d = NULL;
			break;
		}
		if (d)
			closedir(d);
		sleep_ms(10);
	}
	diag("%s: no rpmsg_ctrl device", c->name);
	return -ENOENT;
}

/* The endpoint device rpmsg_char made for @name on @c's ctrl. */
static int find_ept(const struct core *c, const char *name, char *path, size_t len)
{
	int ms;

	for (ms = 0; ms < TIMEOUT_MS; ms += 10) {
		DIR *d = opendir("/sys/class/rpmsg");
		struct dirent *e;

		while (d && (e = readdir(d))) {
			char p[600], n[64];

			if (strncmp(e->d_name, "rpmsg", 5) ||
			    !strncmp(e->d_name, "rpmsg_ctrl", 10) || !rpmsg_of(c, e->d_name))
				continue;
			snprintf(p, sizeof(p), "/sys/class/rpmsg/%s/name", e->d_name);
			if (read_line(p, n, sizeof(n)) || strcmp(n, name))
				continue;
			snprintf(path, len, "/dev/%s", e->d_name);
			if (!access(path, R_OK | W_OK)) {
				closedir(d);
				return 0;
			}
		}
		if (d)
			closedir(d);
		sleep_ms(10);
	}
	diag("%s: no endpoint device %s", c->name, name);
	return -ENOENT;
}

/* Running, with rpmsg probed: start it if it is off. */
static int ensure_running(const struct core *c)
{
	char state[32] = "", ctrl[300];
	int ms;

	rproc_attr(c, "state", state, sizeof(state));
	if (!strcmp(state, "offline") && rproc_set(c, "state", "start")) {
		diag("%s: cannot start: %s", c->name, strerror(errno));
		return -EIO;
	}
	for (ms = 0; ms < TIMEOUT_MS; ms += 10) {
		rproc_attr(c, "state", state, sizeof(state));
		if (!strcmp(state, "running"))
			return find_ctrl(c, ctrl, sizeof(ctrl));
		sleep_ms(10);
	}
	diag("%s: state %s", c->name, state);
	return -ETIMEDOUT;
}

/* An endpoint to the core's echo service: its fd, or -errno. */
static int open_echo(const struct core *c, const char *name)
{
	struct rpmsg_endpoint_info info = { .src = 0xffffffff, .dst = ECHO_ADDR };
	char ctrl[300], ept[300];
	int cfd, fd;

	if (find_ctrl(c, ctrl, sizeof(ctrl)))
		return -ENOENT;
	snprintf(info.name, sizeof(info.name), "%s", name);
	cfd = open(ctrl, O_RDWR);
	if (cfd < 0)
		return -errno;
	if (ioctl(cfd, RPMSG_CREATE_EPT_IOCTL, &info)) {
		int err = -errno;

		diag("%s: RPMSG_CREATE_EPT_IOCTL: %s", c->name, strerror(errno));
		close(cfd);
		return err;
	}
	close(cfd);
	if (find_ept(c, name, ept, sizeof(ept)))
		return -ENOENT;
	fd = open(ept, O_RDWR);
	return fd < 0 ? -errno : fd;
}

static void close_echo(int fd)
{
	if (fd < 0)
		return;
	ioctl(fd, RPMSG_DESTROY_EPT_IOCTL);
	close(fd);
}

/* Message @n of a sequence: its length and bytes follow from @n alone. */
static int fill(unsigned char *buf, unsigned int n)
{
	int len = 1 + (n * 53) % MSG_MAX, i;

	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)(n * 29 + i * 11 + (i >> 5));
	return len;
}

/* @count echoes from message @first on: how many came back exact. */
static unsigned int exchange(const struct core *c, int fd, unsigned int first, unsigned int count)
{
	unsigned char msg[MSG_MAX], reply[MSG_MAX + 16];
	unsigned int i, good = 0;

	for (i = first; i < first + count; i++) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int len = fill(msg, i);
		ssize_t n;

		if (write(fd, msg, len) != len) {
			diag("%s: write of message %u: %s", c->name, i, strerror(errno));
			break;
		}
		if (poll(&p, 1, TIMEOUT_MS) != 1) {
			diag("%s: no echo of message %u", c->name, i);
			break;
		}
		n = read(fd, reply, sizeof(reply));
		if (n != len || memcmp(reply, msg, len)) {
			diag("%s: message %u (%d bytes) came back as %zd different bytes",
			     c->name, i, len, n);
			break;
		}
		good++;
	}
	return good;
}

/* Open an endpoint, echo @count messages, close it: all exact? */
static int echo_session(const struct core *c, const char *name, unsigned int first,
			unsigned int count)
{
	int fd = open_echo(c, name);
	unsigned int good;

	if (fd < 0) {
		diag("%s: no endpoint: %s", c->name, strerror(-fd));
		return 0;
	}
	good = exchange(c, fd, first, count);
	close_echo(fd);
	return good == count;
}

/* ------------------------------------------------------------ cases -- */

/*
 * UML runs from a per-run directory (Documentation/testing.rst), so the
 * firmware directory is given at run time: $SOCMMU_TOOLS/firmware.
 */
static int elf_has_table(const char *path, unsigned int *machine)
{
	static unsigned char buf[1 << 16];
	const struct elf32_hdr *eh = (const void *)buf;
	const struct elf32_shdr *sh;
	const char *names;
	ssize_t n;
	int fd = open(path, O_RDONLY), i;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < (ssize_t)sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof(*sh) > (size_t)n)
		return -EINVAL;
	*machine = eh->e_machine;
	sh = (const void *)(buf + eh->e_shoff);
	names = (const char *)buf + sh[eh->e_shstrndx].sh_offset;
	for (i = 0; i < eh->e_shnum; i++)
		if (!strcmp(names + sh[i].sh_name, ".resource_table"))
			return 1;
	return 0;
}

static int case_firmware_path(void)
{
	const char *tools = getenv("SOCMMU_TOOLS");
	char dir[256], got[300];

	CHECK(tools, "SOCMMU_TOOLS is not set");
	if (!tools)
		return 0;
	snprintf(dir, sizeof(dir), "%s/firmware", tools);
	CHECK(!write_str(FW_PATH_PARAM, dir), "cannot set %s: %s", FW_PATH_PARAM,
	      strerror(errno));
	read_line(FW_PATH_PARAM, got, sizeof(got));
	CHECK(!strcmp(got, dir), "firmware_class.path is '%s'", got);
	return 0;
}

static int case_firmware_images(void)
{
	static const struct { const char *name; int table; } images[] = {
		{ "socmmu-rproc-ipu.elf", 1 }, { "socmmu-rproc-dsp.elf", 1 },
		{ "socmmu-rproc-bad-window.elf", 1 }, { "socmmu-rproc-bad-section.elf", 1 },
		{ "socmmu-rproc-bad-notable.elf", 0 },
	};
	char dir[256], p[320];
	unsigned int i, machine = 0;

	read_line(FW_PATH_PARAM, dir, sizeof(dir));
	for (i = 0; i < ARRAY_SIZE(images); i++) {
		int r;

		snprintf(p, sizeof(p), "%s/%s", dir, images[i].name);
		r = elf_has_table(p, &machine);
		CHECK(r == images[i].table, "%s: %s", p,
		      r < 0 ? strerror(-r) : r ? "has a resource table" : "has no resource table");
		CHECK(r < 0 || machine == EM_ARM, "%s: e_machine %u", p, machine);
	}
	return 0;
}

static int case_echo(const struct core *c)
{
	char name[32];

	model_reset(c);
	CHECK(!ensure_running(c), "%s is not running", c->name);
	snprintf(name, sizeof(name), "rproc-test-%s", c->name);
	CHECK(echo_session(c, name, 0, 1000), "%s: not every message came back exact", c->name);
	CHECK(model_stat(c, "echoes") == 1000, "%s: the core echoed %ld", c->name,
	      model_stat(c, "echoes"));
	CHECK(model_stat(c, "halts") == 0 && model_stat(c, "mbox_lost") == 0,
	      "%s: halts %ld, lost mailbox messages %ld", c->name, model_stat(c, "halts"),
	      model_stat(c, "mbox_lost"));
	return 0;
}

static int case_echo_ipu(void)
{
	return case_echo(&cores[0]);
}

static int case_echo_dsp(void)
{
	return case_echo(&cores[1]);
}

static int case_runtime_pm(const struct core *c)
{
	long warm, offs, mmu_offs, mmu_ons;
	unsigned int i;
	char name[32];
	int fd;

	CHECK(!ensure_running(c), "%s is not running", c->name);
	snprintf(name, sizeof(name), "rproc-pm-%s", c->name);
	fd = open_echo(c, name);
	CHECK(fd >= 0, "%s: no endpoint", c->name);
	if (fd < 0)
		return 0;
	/* From a suspended core: every echo below starts with a resume. */
	set_power(c->dev, "autosuspend_delay_ms", "20");
	CHECK(wait_runtime(c->dev, "suspended", TIMEOUT_MS), "%s did not suspend", c->dev);
	model_reset(c);
	for (i = 0; i < 3; i++) {
		CHECK(exchange(c, fd, 100 * i, 10) == 10, "%s: echoes before suspend %u", c->name,
		      i);
		/* Idle: the core, then its IOMMUs through the device links. */
		CHECK(wait_runtime(c->dev, "suspended", TIMEOUT_MS), "%s did not suspend", c->dev);
		for (unsigned int m = 0; m < c->nr_mmus; m++)
			CHECK(wait_runtime(c->mmus[m], "suspended", TIMEOUT_MS),
			      "%s did not suspend", c->mmus[m]);
		CHECK(!model_stat(c, "powered"), "%s: the core is still powered", c->name);
	}
	/*
	 * And every message after a resume is exact: the vrings went on.  The
	 * core then stays on while the counters are read: with 20 ms, a loaded
	 * host could power it off again between the exchange and the reads.
	 */
	set_power(c->dev, "autosuspend_delay_ms", "10000");
	CHECK(exchange(c, fd, 900, 10) == 10, "%s: echoes after the last resume", c->name);
	warm = model_stat(c, "warm_boots");
	offs = model_stat(c, "power_offs");
	mmu_offs = model_stat(c, "mmu_power_offs");
	mmu_ons = model_stat(c, "mmu_power_ons");
	/*
	 * At least the three idle periods above powered the core off, each
	 * followed by one warm boot.  A loaded host may let the 20 ms
	 * autosuspend expire between two messages of one exchange too: more
	 * cycles, but never a boot without a power-off before it.  The
	 * IOMMU of the core's bus port follows the core through the device
	 * links, cycle for cycle.
	 */
	CHECK(offs >= 3 && warm == offs + 1,
	      "%s: %ld warm boots and %ld power offs, expected 3 or more offs, one boot each",
	      c->name, warm, offs);
	CHECK(mmu_offs == offs && mmu_ons == warm,
	      "%s: its IOMMU went off %ld times, on %ld, for %ld core offs",
	      c->name, mmu_offs, mmu_ons, offs);
	CHECK(model_stat(c, "off_accesses") == 0 && model_stat(c, "mmu_off_accesses") == 0,
	      "%s: registers touched while off", c->name);
	CHECK(model_stat(c, "cold_boots") == 0 && model_stat(c, "halts") == 0,
	      "%s: rebooted or halted", c->name);
	set_power(c->dev, "autosuspend_delay_ms", "100");
	close_echo(fd);
	return 0;
}

static int case_runtime_pm_ipu(void)
{
	return case_runtime_pm(&cores[0]);
}

static int case_runtime_pm_dsp(void)
{
	return case_runtime_pm(&cores[1]);
}

/* The newest coredump of @c, in @path; -ENOENT when none. */
static int find_coredump(const struct core *c, char *path, size_t len)
{
	DIR *d = opendir("/sys/class/devcoredump");
	struct dirent *e;
	int found = -ENOENT;

	while (d && (e = readdir(d))) {
		char p[600], real[PATH_MAX], needle[64];

		if (strncmp(e->d_name, "devcd", 5))
			continue;
		snprintf(p, sizeof(p), "/sys/class/devcoredump/%s/failing_device", e->d_name);
		snprintf(needle, sizeof(needle), "/%s/", c->dev);
		if (!realpath(p, real) || !strstr(real, needle))
			continue;
		snprintf(path, len, "/sys/class/devcoredump/%s/data", e->d_name);
		found = 0;
	}
	if (d)
		closedir(d);
	return found;
}

/* The dump: an ELF32 whose segments are the fixed sections, with their bytes. */
static void check_coredump(const struct core *c)
{
	static unsigned char buf[4 << 20];
	const struct elf32_hdr *eh = (const void *)buf;
	char path[600];
	size_t n = 0;
	ssize_t r;
	int fd, i, text = 0, data = 0;

	CHECK(!find_coredump(c, path, sizeof(path)), "%s: no coredump", c->name);
	fd = open(path, O_RDWR);
	CHECK(fd >= 0, "%s: %s", path, strerror(errno));
	if (fd < 0)
		return;
	while (n < sizeof(buf) && (r = read(fd, buf + n, sizeof(buf) - n)) > 0)
		n += r;
	CHECK(n >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	      eh->e_ident[EI_CLASS] == ELFCLASS32 && eh->e_type == ET_CORE,
	      "%s: not an ELF32 core file (%zu bytes)", path, n);
	for (i = 0; n >= sizeof(*eh) && i < eh->e_phnum; i++) {
		const struct elf32_phdr *ph = (const void *)(buf + eh->e_phoff + i * sizeof(*ph));

		if (eh->e_phoff + (i + 1) * sizeof(*ph) > n || ph->p_type != PT_LOAD)
			continue;
		if (ph->p_vaddr == c->text_da)
			text = ph->p_offset + 4 <= n && buf[ph->p_offset] == 0x03 &&
			       buf[ph->p_offset + 3] == 0xe3;	/* wfi, little-endian */
		if (ph->p_vaddr == c->data_da)
			data = ph->p_offset + sizeof(data_text) <= n &&
			       !memcmp(buf + ph->p_offset, data_text, sizeof(data_text));
	}
	CHECK(text && data, "%s: the dump lacks the text (%d) or data (%d) section", c->name,
	      text, data);
	/* Done with it: writing frees it. */
	r = write(fd, "1", 1);
	close(fd);
}

static int case_recovery(const struct core *c)
{
	char inject[200], dir[300] = "/", dump[600], nowhere[32], state[32] = "";
	long crashes, faults;
	int fd, ms;

	CHECK(!ensure_running(c), "%s is not running", c->name);
	/* The core's debugfs directory has its class device's name. */
	CHECK(!rproc_dir(c, dir, sizeof(dir)), "%s: no remoteproc device", c->name);
	snprintf(dump, sizeof(dump), "/sys/kernel/debug/remoteproc/%s/coredump",
		 strrchr(dir, '/') + 1);
	CHECK(!write_str(dump, "enabled"), "%s: cannot enable coredumps (%s)", c->name, dump);
	fd = open_echo(c, "rproc-crash");
	CHECK(fd >= 0, "%s: no endpoint", c->name);
	if (fd < 0)
		return 0;
	CHECK(exchange(c, fd, 0, 5) == 5, "%s: echoes before the fault", c->name);
	crashes = driver_stat(c, "crashes");
	faults = driver_stat(c, "iommu_faults");

	/* The core's next message reads where nothing is mapped. */
	snprintf(inject, sizeof(inject), MODEL_DEBUGFS "/%s/inject_fault", c->node);
	snprintf(nowhere, sizeof(nowhere), "0x%x", c->nowhere);
	CHECK(!write_str(inject, nowhere), "%s: cannot inject", c->name);
	CHECK(write(fd, "crash", 5) == 5, "%s: write", c->name);
	/* The endpoint goes with the crashed rpmsg device; a new one comes. */
	for (ms = 0; ms < TIMEOUT_MS && driver_stat(c, "crashes") == crashes; ms += 10)
		sleep_ms(10);
	close(fd);
	for (ms = 0; ms < TIMEOUT_MS; ms += 10) {
		rproc_attr(c, "state", state, sizeof(state));
		if (!strcmp(state, "running"))
			break;
		sleep_ms(10);
	}
	CHECK(!strcmp(state, "running"), "%s: state %s after the crash", c->name, state);
	CHECK(driver_stat(c, "iommu_faults") == faults + 1, "%s: %ld IOMMU faults, expected %ld",
	      c->name, driver_stat(c, "iommu_faults"), faults + 1);
	CHECK(driver_stat(c, "last_fault_iova") == (long)c->nowhere,
	      "%s: the fault was at 0x%lx", c->name, driver_stat(c, "last_fault_iova"));
	CHECK(driver_stat(c, "last_crash") == 0, "%s: crash type %ld, not RPROC_MMUFAULT (0)",
	      c->name, driver_stat(c, "last_crash"));
	check_coredump(c);
	write_str(dump, "disabled");
	CHECK(echo_session(c, "rproc-after-crash", 2000, 100), "%s: echoes after recovery",
	      c->name);
	return 0;
}

static int case_recovery_ipu(void)
{
	return case_recovery(&cores[0]);
}

static int case_recovery_dsp(void)
{
	return case_recovery(&cores[1]);
}

/* Held active (power/control "on"), so the sleep powers them off itself. */
static int case_before_sleep(void)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		const struct core *c = &cores[i];

		CHECK(!ensure_running(c), "%s is not running", c->name);
		CHECK(!set_power(c->dev, "control", "on"), "%s: power/control", c->dev);
		CHECK(wait_runtime(c->dev, "active", TIMEOUT_MS), "%s is not active", c->dev);
		CHECK(echo_session(c, "rproc-before-sleep", 3000, 20), "%s: echoes", c->name);
		model_reset(c);
	}
	return 0;
}

static int case_after_sleep(void)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		const struct core *c = &cores[i];
		char state[32] = "";

		rproc_attr(c, "state", state, sizeof(state));
		CHECK(!strcmp(state, "running"), "%s: state %s", c->name, state);
		/* Off once for the sleep, on once after, resumed where it was. */
		CHECK(model_stat(c, "power_offs") == 1 && model_stat(c, "power_ons") == 1,
		      "%s: powered off %ld times, on %ld", c->name, model_stat(c, "power_offs"),
		      model_stat(c, "power_ons"));
		CHECK(model_stat(c, "warm_boots") == 1 && model_stat(c, "cold_boots") == 0,
		      "%s: %ld warm and %ld cold boots", c->name, model_stat(c, "warm_boots"),
		      model_stat(c, "cold_boots"));
		CHECK(model_stat(c, "mmu_power_offs") >= 1 &&
		      model_stat(c, "mmu_power_offs") == model_stat(c, "mmu_power_ons"),
		      "%s: its IOMMU went off %ld times, on %ld", c->name,
		      model_stat(c, "mmu_power_offs"), model_stat(c, "mmu_power_ons"));
		CHECK(model_stat(c, "off_accesses") == 0 && model_stat(c, "mmu_off_accesses") == 0,
		      "%s: registers touched while off", c->name);
		CHECK(echo_session(c, "rproc-after-sleep", 4000, 50), "%s: echoes", c->name);
		CHECK(model_stat(c, "halts") == 0, "%s halted", c->name);
		set_power(c->dev, "control", "auto");
	}
	return 0;
}

/* -------------------------------------------------------------- main -- */

static const struct ktap_case firmware_cases[] = {
	{ "path_set", case_firmware_path },
	{ "images_built", case_firmware_images },
	{ NULL, NULL } };
static const struct ktap_case echo_cases[] = {
	{ "ipu_1000_echoes", case_echo_ipu },
	{ "dsp_1000_echoes", case_echo_dsp },
	{ NULL, NULL } };
static const struct ktap_case pm_cases[] = {
	{ "ipu_suspends_between_messages", case_runtime_pm_ipu },
	{ "dsp_suspends_between_messages", case_runtime_pm_dsp },
	{ NULL, NULL } };
static const struct ktap_case recovery_cases[] = {
	{ "ipu_fault_crash_dump_recover", case_recovery_ipu },
	{ "dsp_fault_crash_dump_recover", case_recovery_dsp },
	{ NULL, NULL } };
static const struct ktap_case before_sleep_cases[] = {
	{ "held_running", case_before_sleep }, { NULL, NULL } };
static const struct ktap_case after_sleep_cases[] = {
	{ "resumed_running", case_after_sleep }, { NULL, NULL } };

static const struct {
	const char *suite;
	const struct ktap_case *cases;
} suites[] = {
	{ "rproc_firmware", firmware_cases },
	{ "rproc_echo", echo_cases },
	{ "rproc_runtime_pm", pm_cases },
	{ "rproc_recovery", recovery_cases },
	{ "rproc_before_sleep", before_sleep_cases },
	{ "rproc_after_sleep", after_sleep_cases },
};

int main(int argc, char **argv)
{
	const struct ktap_case *cases = NULL;
	const char *suite = argc > 1 ? argv[1] : "";
	unsigned int s;

	for (s = 0; s < ARRAY_SIZE(suites); s++)
		if (!strcmp(suite, suites[s].suite))
			cases = suites[s].cases;
	if (!cases) {
		fprintf(stderr, "usage: rproc-test SUITE (rproc_firmware, rproc_echo, ...)\n");
		return 2;
	}
	ktap_begin(suite, ktap_count(cases));
	return ktap_run(suite, cases);
}
