// SPDX-License-Identifier: GPL-2.0
/*
 * LD_PRELOAD for Debian 12's v4l2-compliance (v4l-utils 1.22) on Linux
 * 6.8 and later: since 6.8, VIDIOC_CREATE_BUFS returns max_num_buffers in
 * what 1.22's videodev2.h calls reserved[0], with the capability bit
 * V4L2_BUF_CAP_SUPPORTS_MAX_NUM_BUFFERS, and 1.22 fails any non-zero
 * reserved field ("check_0(crbufs.reserved ...)"), which also ends that
 * test before its remaining checks.  This shows the tool the ABI it was
 * built for: it clears exactly that field and that bit after the real
 * ioctl, and touches nothing else.  On 6.1 both are zero already.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <string.h>
#include <linux/videodev2.h>

#define CAP_SUPPORTS_MAX_NUM_BUFFERS	(1u << 7)

int ioctl(int fd, unsigned long req, ...)
{
	static int (*real)(int, unsigned long, void *);
	va_list ap;
	void *arg;
	int ret;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (!real)
		real = (int (*)(int, unsigned long, void *))dlsym(RTLD_NEXT, "ioctl");
	ret = real(fd, req, arg);
	if (req == VIDIOC_CREATE_BUFS && arg) {
		struct v4l2_create_buffers *c = arg;

		c->reserved[0] = 0;	/* 6.8+: max_num_buffers */
		c->capabilities &= ~CAP_SUPPORTS_MAX_NUM_BUFFERS;
	} else if (req == VIDIOC_REQBUFS && arg) {
		struct v4l2_requestbuffers *r = arg;

		r->capabilities &= ~CAP_SUPPORTS_MAX_NUM_BUFFERS;
	}
	return ret;
}
