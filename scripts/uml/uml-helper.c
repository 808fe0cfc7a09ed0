// SPDX-License-Identifier: GPL-2.0
/*
 * The few things the UML test harness does inside UML that the host's
 * tools cannot: kmod's insmod fails with EINVAL inside UML for every module
 * (Documentation/testing.rst), and poweroff wants an init system.
 * Built static on the host, run from the hostfs root.
 *
 *   uml-helper load FILE.ko [PARAMS]
 *   uml-helper unload NAME
 *   uml-helper poweroff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

static int load_module(const char *path, const char *params)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	/* The summary ties kmemleak's "pid N" back to the module loaded. */
	printf("uml-helper: pid %d loads %s\n", (int)getpid(), path);
	fflush(stdout);

	if (fd < 0) {
		fprintf(stderr, "uml-helper: open %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (syscall(SYS_finit_module, fd, params, 0) != 0) {
		fprintf(stderr, "uml-helper: load %s: %s\n", path, strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

static int unload_module(const char *name)
{
	if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0) {
		fprintf(stderr, "uml-helper: unload %s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "load"))
		return load_module(argv[2], argc >= 4 ? argv[3] : "");
	if (argc == 3 && !strcmp(argv[1], "unload"))
		return unload_module(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "poweroff")) {
		sync();
		reboot(RB_POWER_OFF);
		perror("uml-helper: poweroff");
		return 1;
	}
	fprintf(stderr, "usage: uml-helper load FILE [PARAMS] | unload NAME | poweroff\n");
	return 2;
}
