/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the user-space test programs run inside UML by the harness ("!run"
 * in kunit/modules.list) share: KTAP output, CHECK(), and reading and
 * writing sysfs and debugfs files.  Each program is one static binary
 * built on the host, so this is a header of static inline functions:
 * whatever a program does not call costs it nothing and warns nowhere.
 */
#ifndef SOCMMU_KTAP_USER_H
#define SOCMMU_KTAP_USER_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Whether a CHECK() of the running case failed; ktap_run() resets it. */
static int ktap_case_failed;

static inline void diag(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write a line: the kernel's console output may interleave. */
	printf("    # %s\n", line);
	fflush(stdout);
}

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		diag("%s:%d: %s", __func__, __LINE__, #cond);		\
		diag(__VA_ARGS__);					\
		ktap_case_failed = 1;					\
	}								\
} while (0)

/* What a case returns to be reported as skipped rather than passed. */
#define KTAP_SKIP	2

struct ktap_case {
	const char *name;
	int (*fn)(void);
};

/* Prints the KTAP subtest header of @suite with @nr_cases cases. */
static inline void ktap_begin(const char *suite, int nr_cases)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite, nr_cases);
}

/* A suite that could not start: its one result line.  Returns 1. */
static inline int ktap_abort(const char *suite)
{
	printf("not ok 1 %s\n", suite);
	return 1;
}

static inline int ktap_count(const struct ktap_case *cases)
{
	int n = 0;

	while (cases[n].name)
		n++;
	return n;
}

/*
 * Runs @cases (NULL-terminated) after ktap_begin(); prints each result and
 * the suite's.  Returns 1 when a case failed, else 0.
 */
static inline int ktap_run(const char *suite, const struct ktap_case *cases)
{
	int i, failed = 0;

	for (i = 0; cases[i].name; i++) {
		int ret;

		ktap_case_failed = 0;
		ret = cases[i].fn();
		if (ret == KTAP_SKIP && !ktap_case_failed) {
			printf("    ok %d %s # SKIP\n", i + 1, cases[i].name);
			continue;
		}
		printf("    %s %d %s\n", ktap_case_failed ? "not ok" : "ok", i + 1,
		       cases[i].name);
		failed |= ktap_case_failed;
	}
	printf("%s 1 %s\n", failed ? "not ok" : "ok", suite);
	return failed;
}

static inline void sleep_ms(int ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The first line of @path, without its newline, in @out. */
static inline int read_line(const char *path, char *out, size_t len)
{
	FILE *f = fopen(path, "r");

	out[0] = 0;
	if (!f)
		return -errno;
	if (!fgets(out, len, f))
		out[0] = 0;
	out[strcspn(out, "\n")] = 0;
	fclose(f);
	return 0;
}

static inline int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : (n < 0 ? -errno : -EIO);
}

/* The value of the "name value" line @key of the stats file @file, or -1. */
static inline long stat_value(const char *file, const char *key)
{
	char line[160], k[64];
	long v, ret = -1;
	FILE *f = fopen(file, "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %li", k, &v) == 2 && !strcmp(k, key))
			ret = v;
	if (f)
		fclose(f);
	return ret;
}

/* The runtime-PM status of the platform device @dev, in @out. */
static inline int rpm_status(const char *dev, char *out, size_t len)
{
	char p[200];

	snprintf(p, sizeof(p), "/sys/bus/platform/devices/%s/power/runtime_status", dev);
	return read_line(p, out, len);
}

/* Whether @dev reached the runtime-PM status @want within @timeout_ms. */
static inline int wait_runtime(const char *dev, const char *want, int timeout_ms)
{
	char s[32] = "";
	int ms;

	for (ms = 0; ms < timeout_ms; ms += 10) {
		if (!rpm_status(dev, s, sizeof(s)) && !strcmp(s, want))
			return 1;
		sleep_ms(10);
	}
	diag("%s: runtime_status %s, not %s", dev, s, want);
	return 0;
}

#endif /* SOCMMU_KTAP_USER_H */
