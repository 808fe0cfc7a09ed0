// SPDX-License-Identifier: GPL-2.0
/*
 * PID 1 of the ARM runtime tests (scripts/arm/run-tests.sh): the only
 * program in the initramfs.  It mounts what the tests read, then runs the
 * plan that run-tests.sh wrote from the modules list, one step a line:
 *
 *   load NAME          finit_module(/modules/NAME.ko)
 *   unload NAME        delete_module(NAME)
 *   busy NAME          delete_module(NAME) must fail: the module is in use
 *   kmemleak-forget    scan and clear: only what our modules leak counts
 *   kmemleak-report    age what is left, scan, print every report
 *
 * and powers the machine off.  Its markers ("socmmu-harness: ...") are
 * the UML harness's, so scripts/ktap-summary.py reads both consoles alike.
 * Built static for ARM; there is no shell in the initramfs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KMEMLEAK "/sys/kernel/debug/kmemleak"

static int load_module(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/modules/%s.ko", name);
	printf("arm-init: pid %d loads %s\n", (int)getpid(), path);
	fflush(stdout);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		printf("arm-init: open %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (syscall(SYS_finit_module, fd, "", 0) != 0) {
		printf("arm-init: load %s: %s\n", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int unload_module(const char *name)
{
	if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0) {
		printf("arm-init: unload %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

static void kmemleak_command(const char *command)
{
	int fd = open(KMEMLEAK, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, command, strlen(command)) < 0)
		printf("arm-init: kmemleak %s: %s\n", command, strerror(errno));
	close(fd);
}

/* What kmemleak found, to the console, where the summary counts it. */
static void kmemleak_print(void)
{
	char buf[4096];
	ssize_t n;
	int fd = open(KMEMLEAK, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	fflush(stdout);
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (write(STDOUT_FILENO, buf, n) != n)
			break;
	}
	close(fd);
}

static void run_step(const char *verb, const char *arg)
{
	if (!strcmp(verb, "load")) {
		if (load_module(arg))
			printf("socmmu-harness: load failed: %s\n", arg);
	} else if (!strcmp(verb, "unload")) {
		if (unload_module(arg))
			printf("socmmu-harness: unload failed: %s\n", arg);
	} else if (!strcmp(verb, "busy")) {
		if (!unload_module(arg))
			printf("socmmu-harness: unload of %s should have been refused\n", arg);
		else
			printf("socmmu-harness: unload of %s refused, as it must be\n", arg);
	} else if (!strcmp(verb, "kmemleak-forget")) {
		kmemleak_command("scan");
		kmemleak_command("clear");
	} else if (!strcmp(verb, "kmemleak-report")) {
		/* kmemleak reports an object only once it is 5 s old. */
		sleep(6);
		kmemleak_command("scan");
		kmemleak_command("scan");
		kmemleak_print();
	} else {
		/* run-tests.sh writes only the verbs above. */
		printf("socmmu-harness: run failed: plan step \"%s\" unknown\n", verb);
	}
	fflush(stdout);
}

int main(void)
{
	char line[512];
	FILE *plan;

	/* The console the kernel gave us is line-buffered only with a tty. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (mount("proc", "/proc", "proc", 0, NULL) ||
	    mount("sysfs", "/sys", "sysfs", 0, NULL) ||
	    mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL))
		printf("arm-init: mount: %s\n", strerror(errno));

	printf("socmmu-harness: begin\n");
	plan = fopen("/plan", "re");
	if (!plan) {
		printf("arm-init: /plan: %s\n", strerror(errno));
	} else {
		while (fgets(line, sizeof(line), plan)) {
			char *verb = strtok(line, "\n ");
			char *arg = strtok(NULL, "\n ");

			if (verb)
				run_step(verb, arg ? arg : "");
		}
		fclose(plan);
		printf("socmmu-harness: end\n");
	}
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	printf("arm-init: poweroff: %s\n", strerror(errno));
	return 1;
}
