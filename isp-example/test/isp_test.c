// SPDX-License-Identifier: GPL-2.0
/*
 * User-space tests of the example camera, run inside UML by the harness
 * ("!run SUITE ..." in kunit/modules.list) against the ISP model.  Prints
 * KTAP, one suite per invocation; exits 1 when a case failed.
 *
 *   isp-test isp_capture        both formats, MMAP (and USERPTR when the
 *                               driver offers it), every byte checked
 *   isp-test isp_ioctl_errors   bad ioctls and formats get V4L2's errnos
 *   isp-test isp_runtime_pm     the ISP and its MMU suspend between
 *                               streams; frames are right after resume
 *   isp-test isp_fault          a line sent to an unmapped IOVA errors
 *                               exactly one buffer; streaming goes on
 *   isp-test SUITE              any other name: one capture, checked (used
 *                               around the harness's "!sleep")
 *
 *   isp-test SUITE CAMERA       the same on the camera whose platform device
 *                               is CAMERA (default d1070000.isp, the one
 *                               behind the OMAP MMU); the cases are those of
 *                               the part of SUITE from "isp_" on, so
 *                               exynos_isp_capture runs isp_capture's.
 *
 * Every camera's video device is named socmmu-isp: the one to test is
 * found by its parent device, its IOMMU through its "iommu" link, its
 * model's files by its device-tree node.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/videodev2.h>

#include "../../kunit/isp_model/isp_pattern.h"
#include "../../kunit/user/ktap_user.h"

#define DEFAULT_CAMERA	"d1070000.isp"
#define MODEL_DIR	"/sys/kernel/debug/socmmu_isp_model"
/* Above UML's RAM, below nothing the DMA layer hands out. */
#define NOWHERE		0xe0000000u
#define NBUFS		4

static char video[300];
/* The camera's platform device, its IOMMU's, and its model's debugfs files. */
static const char *isp_dev = DEFAULT_CAMERA;
static char mmu_dev[128];
static char stats_path[300], inject_path[300];

/* The last component of the target of the symlink @link, or "". */
static void link_name(const char *link, int up, char *out, size_t len)
{
	char target[PATH_MAX];
	ssize_t n = readlink(link, target, sizeof(target) - 1);
	char *end;

	out[0] = 0;
	if (n <= 0)
		return;
	target[n] = 0;
	/* @up more components off the end first. */
	while (up-- > 0) {
		end = strrchr(target, '/');
		if (!end)
			return;
		*end = 0;
	}
	end = strrchr(target, '/');
	end = end ? end + 1 : target;
	if (strlen(end) < len)
		memcpy(out, end, strlen(end) + 1);
}

/* The video device named @name whose parent is the platform device @dev. */
static int find_video(const char *name, const char *dev, char *path, size_t len)
{
	DIR *d = opendir("/sys/class/video4linux");
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d))) {
		char p[300], buf[64] = "", parent[128];
		FILE *f;

		snprintf(p, sizeof(p), "/sys/class/video4linux/%s/name", e->d_name);
		f = fopen(p, "r");
		if (!f)
			continue;
		snprintf(p, sizeof(p), "/sys/class/video4linux/%s/device", e->d_name);
		link_name(p, 0, parent, sizeof(parent));
		if (fgets(buf, sizeof(buf), f) && !strncmp(buf, name, strlen(name)) &&
		    !strcmp(parent, dev)) {
			snprintf(path, len, "/dev/%s", e->d_name);
			found = 1;
		}
		fclose(f);
	}
	if (d)
		closedir(d);
	return found;
}

/*
 * The camera's IOMMU: its "iommu" link names the IOMMU's class device,
 * <iommu platform device>/iommu/<name>; and its model's debugfs directory,
 * named after its device-tree node.
 */
static int find_camera_parts(void)
{
	char p[300], node[128];

	snprintf(p, sizeof(p), "/sys/bus/platform/devices/%s/iommu", isp_dev);
	link_name(p, 2, mmu_dev, sizeof(mmu_dev));
	snprintf(p, sizeof(p), "/sys/bus/platform/devices/%s/of_node", isp_dev);
	link_name(p, 0, node, sizeof(node));
	snprintf(stats_path, sizeof(stats_path), MODEL_DIR "/%s/stats", node);
	snprintf(inject_path, sizeof(inject_path), MODEL_DIR "/%s/inject_fault", node);
	return mmu_dev[0] && node[0];
}

static long model_stat(const char *key)
{
	return stat_value(stats_path, key);
}

/* ------------------------------------------------------------ streams -- */

struct stream {
	int fd;
	enum v4l2_memory memory;
	struct v4l2_pix_format pix;
	void *mem[NBUFS];
	size_t len[NBUFS];
};

static int xioctl(int fd, unsigned long req, void *arg)
{
	int r;

	do
		r = ioctl(fd, req, arg);
	while (r < 0 && errno == EINTR);
	return r;
}

static int set_format(int fd, unsigned int fourcc, unsigned int w, unsigned int h,
		      struct v4l2_pix_format *pix)
{
	struct v4l2_format f = { .type = V4L2_BUF_TYPE_VIDEO_CAPTURE };

	f.fmt.pix.pixelformat = fourcc;
	f.fmt.pix.width = w;
	f.fmt.pix.height = h;
	if (xioctl(fd, VIDIOC_S_FMT, &f))
		return -errno;
	*pix = f.fmt.pix;
	return 0;
}

static int queue(struct stream *s, unsigned int i)
{
	struct v4l2_buffer b = {
		.type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = s->memory, .index = i,
	};

	if (s->memory == V4L2_MEMORY_USERPTR) {
		b.m.userptr = (unsigned long)s->mem[i];
		b.length = s->len[i];
	}
	return xioctl(s->fd, VIDIOC_QBUF, &b) ? -errno : 0;
}

static int stream_open(struct stream *s, unsigned int fourcc, unsigned int w,
		       unsigned int h, enum v4l2_memory memory)
{
	struct v4l2_requestbuffers rb = {
		.count = NBUFS, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = memory,
	};
	int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	unsigned int i;
	int ret;

	memset(s, 0, sizeof(*s));
	s->memory = memory;
	s->fd = open(video, O_RDWR);
	if (s->fd < 0)
		return -errno;
	ret = set_format(s->fd, fourcc, w, h, &s->pix);
	if (ret)
		return ret;
	if (xioctl(s->fd, VIDIOC_REQBUFS, &rb))
		return -errno;
	if (rb.count != NBUFS)
		return -ENOMEM;
	for (i = 0; i < NBUFS; i++) {
		struct v4l2_buffer b = {
			.type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = memory, .index = i,
		};

		if (memory == V4L2_MEMORY_MMAP) {
			if (xioctl(s->fd, VIDIOC_QUERYBUF, &b))
				return -errno;
			s->len[i] = b.length;
			s->mem[i] = mmap(NULL, b.length, PROT_READ | PROT_WRITE, MAP_SHARED,
					 s->fd, b.m.offset);
			if (s->mem[i] == MAP_FAILED) {
				s->mem[i] = NULL;
				return -errno;
			}
		} else {
			s->len[i] = (s->pix.sizeimage + 4095) & ~4095u;
			s->mem[i] = aligned_alloc(4096, s->len[i]);
			if (!s->mem[i])
				return -ENOMEM;
		}
		memset(s->mem[i], 0, s->len[i]);
		ret = queue(s, i);
		if (ret)
			return ret;
	}
	return xioctl(s->fd, VIDIOC_STREAMON, &type) ? -errno : 0;
}

static void stream_close(struct stream *s)
{
	struct v4l2_requestbuffers rb = {
		.count = 0, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = s->memory,
	};
	int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	unsigned int i;

	if (s->fd < 0)
		return;
	xioctl(s->fd, VIDIOC_STREAMOFF, &type);
	for (i = 0; i < NBUFS; i++) {
		if (!s->mem[i])
			continue;
		if (s->memory == V4L2_MEMORY_MMAP)
			munmap(s->mem[i], s->len[i]);
		else
			free(s->mem[i]);
	}
	xioctl(s->fd, VIDIOC_REQBUFS, &rb);
	close(s->fd);
	s->fd = -1;
}

static int dequeue(struct stream *s, struct v4l2_buffer *b)
{
	struct pollfd p = { .fd = s->fd, .events = POLLIN };

	/* A lost frame-done interrupt must not hang the run. */
	if (poll(&p, 1, 3000) != 1)
		return -ETIMEDOUT;
	memset(b, 0, sizeof(*b));
	b->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	b->memory = s->memory;
	return xioctl(s->fd, VIDIOC_DQBUF, b) ? -errno : 0;
}

/* Every byte of the frame against the pattern of frame @frame. */
static int frame_matches(const struct stream *s, const unsigned char *data,
			 unsigned int frame)
{
	const struct v4l2_pix_format *p = &s->pix;
	int yuyv = p->pixelformat == V4L2_PIX_FMT_YUYV;
	unsigned int len = p->width * (yuyv ? 2 : 3), y, x;
	unsigned char line[1920 * 3];

	for (y = 0; y < p->height; y++) {
		isp_pattern_line(line, y, p->width, yuyv, frame);
		if (!memcmp(data + y * p->bytesperline, line, len))
			continue;
		for (x = 0; x < len && data[y * p->bytesperline + x] == line[x]; x++)
			;
		diag("frame %u: line %u byte %u is 0x%02x, the pattern says 0x%02x",
		     frame, y, x, data[y * p->bytesperline + x], line[x]);
		return 0;
	}
	return 1;
}

/* Dequeue @n frames, expect each right and numbered, requeue. */
static void capture_frames(struct stream *s, unsigned int n, unsigned int first)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct v4l2_buffer b;
		int ret = dequeue(s, &b);

		CHECK(ret == 0, "DQBUF of frame %u: %s", first + i, strerror(-ret));
		if (ret)
			return;
		CHECK(!(b.flags & V4L2_BUF_FLAG_ERROR), "frame %u flagged as an error", b.sequence);
		CHECK(b.sequence == first + i, "sequence %u, expected %u", b.sequence, first + i);
		CHECK(b.bytesused == s->pix.sizeimage, "bytesused %u of %u", b.bytesused,
		      s->pix.sizeimage);
		CHECK(b.field == V4L2_FIELD_NONE, "field %u", b.field);
		CHECK(frame_matches(s, s->mem[b.index], first + i), "frame %u is wrong",
		      first + i);
		CHECK(queue(s, b.index) == 0, "QBUF: %s", strerror(errno));
	}
}

static void capture_checked(unsigned int fourcc, unsigned int w, unsigned int h,
			    enum v4l2_memory memory, unsigned int n)
{
	struct stream s;
	int ret = stream_open(&s, fourcc, w, h, memory);

	CHECK(ret == 0, "setting up %.4s %ux%u: %s", (char *)&fourcc, w, h, strerror(-ret));
	if (!ret) {
		CHECK(s.pix.width == w && s.pix.height == h, "got %ux%u", s.pix.width,
		      s.pix.height);
		capture_frames(&s, n, 0);
	}
	stream_close(&s);
}

/* -------------------------------------------------------------- cases -- */

static int case_rgb24(void)
{
	capture_checked(V4L2_PIX_FMT_RGB24, 320, 240, V4L2_MEMORY_MMAP, 6);
	return 0;
}

static int case_yuyv(void)
{
	capture_checked(V4L2_PIX_FMT_YUYV, 322, 97, V4L2_MEMORY_MMAP, 6);
	return 0;
}

/* Offered only when the DMA layer can map scattered pages contiguously. */
static int case_userptr(void)
{
	struct v4l2_requestbuffers rb = {
		.count = 1, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_USERPTR,
	};
	int fd = open(video, O_RDWR), ret;

	ret = xioctl(fd, VIDIOC_REQBUFS, &rb) ? errno : 0;
	rb.count = 0;
	xioctl(fd, VIDIOC_REQBUFS, &rb);
	close(fd);
	if (ret == EINVAL) {
		diag("SKIP: no USERPTR: the device's DMA cannot map scattered user pages as one");
		return KTAP_SKIP;
	}
	CHECK(ret == 0, "REQBUFS USERPTR: %s", strerror(ret));
	capture_checked(V4L2_PIX_FMT_RGB24, 320, 240, V4L2_MEMORY_USERPTR, 6);
	return 0;
}

static int expect_errno(int fd, unsigned long req, void *arg, int err, const char *what)
{
	int ret = xioctl(fd, req, arg) ? errno : 0;

	CHECK(ret == err, "%s: got %s, expected %s", what, strerror(ret), strerror(err));
	return ret;
}

static int case_ioctl_errors(void)
{
	struct v4l2_requestbuffers rb = {
		.count = 2, .type = V4L2_BUF_TYPE_VIDEO_OUTPUT, .memory = V4L2_MEMORY_MMAP,
	};
	struct v4l2_fmtdesc fd_ = { .index = 2, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
	struct v4l2_buffer b = {
		.index = 7, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP,
	};
	struct v4l2_pix_format pix;
	int fd = open(video, O_RDWR), type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	unsigned int input = 1;

	CHECK(fd >= 0, "open %s: %s", video, strerror(errno));
	expect_errno(fd, VIDIOC_ENUM_FMT, &fd_, EINVAL, "ENUM_FMT past the last");
	expect_errno(fd, VIDIOC_S_INPUT, &input, EINVAL, "S_INPUT 1");
	expect_errno(fd, VIDIOC_REQBUFS, &rb, EINVAL, "REQBUFS for output");
	expect_errno(fd, VIDIOC_STREAMON, &type, EINVAL, "STREAMON for output");
	/* A format the hardware cannot take is corrected, not refused. */
	CHECK(set_format(fd, v4l2_fourcc('N', 'V', '1', '2'), 5000, 3, &pix) == 0, "S_FMT NV12");
	CHECK(pix.pixelformat == V4L2_PIX_FMT_RGB24 && pix.width == 1920 && pix.height == 8,
	      "NV12 5000x3 became %.4s %ux%u", (char *)&pix.pixelformat, pix.width, pix.height);
	CHECK(set_format(fd, V4L2_PIX_FMT_YUYV, 321, 100, &pix) == 0, "S_FMT YUYV");
	CHECK(pix.width == 320 && pix.bytesperline == 640 && pix.sizeimage == 64000,
	      "YUYV 321x100 became %ux%u, %u/%u", pix.width, pix.height, pix.bytesperline,
	      pix.sizeimage);
	rb.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	CHECK(xioctl(fd, VIDIOC_REQBUFS, &rb) == 0, "REQBUFS: %s", strerror(errno));
	CHECK(set_format(fd, V4L2_PIX_FMT_RGB24, 320, 240, &pix) == -EBUSY,
	      "S_FMT with buffers allocated is not EBUSY");
	expect_errno(fd, VIDIOC_QBUF, &b, EINVAL, "QBUF index 7 of 2");
	close(fd);
	return 0;
}

static int case_suspended_between_streams(void)
{
	long isp_offs = model_stat("power_offs"), mmu_offs = model_stat("mmu_power_offs");
	long isp_off_acc = model_stat("off_accesses"), mmu_off_acc = model_stat("mmu_off_accesses");
	struct stream s;

	CHECK(stream_open(&s, V4L2_PIX_FMT_RGB24, 160, 120, V4L2_MEMORY_MMAP) == 0, "stream");
	capture_frames(&s, 3, 0);
	stream_close(&s);
	/* Autosuspend: 100 ms after the stream; the MMU follows the ISP. */
	CHECK(wait_runtime(isp_dev, "suspended", 3000), "the ISP did not suspend");
	CHECK(wait_runtime(mmu_dev, "suspended", 3000), "its MMU did not suspend");
	CHECK(model_stat("power_offs") > isp_offs, "the ISP model was not powered off");
	CHECK(model_stat("mmu_power_offs") > mmu_offs, "the MMU model was not powered off");
	CHECK(model_stat("off_accesses") == isp_off_acc, "%ld ISP register accesses while off",
	      model_stat("off_accesses") - isp_off_acc);
	CHECK(model_stat("mmu_off_accesses") == mmu_off_acc, "%ld MMU register accesses while off",
	      model_stat("mmu_off_accesses") - mmu_off_acc);
	return 0;
}

static int case_frames_after_resume(void)
{
	long isp_ons = model_stat("power_ons"), mmu_ons = model_stat("mmu_power_ons");
	struct stream s;

	CHECK(stream_open(&s, V4L2_PIX_FMT_YUYV, 160, 120, V4L2_MEMORY_MMAP) == 0, "stream");
	capture_frames(&s, 3, 0);
	stream_close(&s);
	CHECK(model_stat("power_ons") == isp_ons + 1, "ISP power-ons %ld -> %ld", isp_ons,
	      model_stat("power_ons"));
	CHECK(model_stat("mmu_power_ons") == mmu_ons + 1, "MMU power-ons %ld -> %ld", mmu_ons,
	      model_stat("mmu_power_ons"));
	return 0;
}

static int case_fault_errors_one_buffer(void)
{
	long errors = model_stat("frame_errors"), mmu_faults = model_stat("mmu_faults");
	unsigned int i, errored = 0, good = 0;
	struct stream s;
	FILE *f;

	CHECK(stream_open(&s, V4L2_PIX_FMT_RGB24, 160, 120, V4L2_MEMORY_MMAP) == 0, "stream");
	capture_frames(&s, 2, 0);
	f = fopen(inject_path, "w");
	CHECK(f, "%s: %s", inject_path, strerror(errno));
	if (f) {
		fprintf(f, "0x%x\n", NOWHERE);
		fclose(f);
	}
	/*
	 * The fault lands on the next frame the model starts after the write
	 * (isp_model_cam_inject_fault()): frame 2 or 3 on an idle host, a later
	 * one when this process was descheduled meanwhile (a busy host had it
	 * on frame 6 of 2..7, one good frame after it).  So the capture goes on
	 * until three frames have followed the errored one, 16 at most, and
	 * never stops before frame 7.
	 */
	for (i = 2; i < 16 && !ktap_case_failed && (i < 8 || !errored || good < 3); i++) {
		struct v4l2_buffer b;
		int ret = dequeue(&s, &b);

		CHECK(ret == 0, "DQBUF after the fault: %s", strerror(-ret));
		if (ret)
			break;
		CHECK(b.sequence == i, "sequence %u, expected %u", b.sequence, i);
		if (b.flags & V4L2_BUF_FLAG_ERROR) {
			errored++;
		} else {
			CHECK(frame_matches(&s, s.mem[b.index], i), "frame %u is wrong", i);
			good += errored > 0;
		}
		queue(&s, b.index);
	}
	stream_close(&s);
	CHECK(errored == 1, "%u buffers flagged as errors, expected 1", errored);
	CHECK(good >= 3, "only %u good frames after the errored one", good);
	CHECK(model_stat("frame_errors") == errors + 1, "the model ended %ld frames in error",
	      model_stat("frame_errors") - errors);
	diag("the injected write to 0x%x was %s", NOWHERE,
	     model_stat("mmu_faults") > mmu_faults ? "an IOMMU translation fault" :
	     "a bus error (MMU in bypass: no domain attached)");
	return 0;
}

static int case_capture(void)
{
	capture_checked(V4L2_PIX_FMT_RGB24, 320, 240, V4L2_MEMORY_MMAP, 4);
	return 0;
}

/* -------------------------------------------------------------- main -- */

static const struct ktap_case capture_cases[] = {
	{ "rgb24_320x240_mmap", case_rgb24 },
	{ "yuyv_322x97_mmap", case_yuyv },
	{ "rgb24_userptr", case_userptr },
	{ NULL, NULL } };
static const struct ktap_case error_cases[] = {
	{ "bad_ioctls_and_formats", case_ioctl_errors }, { NULL, NULL } };
static const struct ktap_case pm_cases[] = {
	{ "suspended_between_streams", case_suspended_between_streams },
	{ "frames_after_resume", case_frames_after_resume },
	{ NULL, NULL } };
static const struct ktap_case fault_cases[] = {
	{ "fault_errors_one_buffer", case_fault_errors_one_buffer }, { NULL, NULL } };
static const struct ktap_case plain_cases[] = {
	{ "rgb24_capture", case_capture }, { NULL, NULL } };

int main(int argc, char **argv)
{
	const struct ktap_case *cases = plain_cases;
	const char *suite = argc > 1 ? argv[1] : "isp_capture";
	const char *kind = strstr(suite, "isp_") ? strstr(suite, "isp_") : suite;

	if (argc > 2)
		isp_dev = argv[2];
	if (!strcmp(kind, "isp_capture"))
		cases = capture_cases;
	else if (!strcmp(kind, "isp_ioctl_errors"))
		cases = error_cases;
	else if (!strcmp(kind, "isp_runtime_pm"))
		cases = pm_cases;
	else if (!strcmp(kind, "isp_fault"))
		cases = fault_cases;
	ktap_begin(suite, ktap_count(cases));
	if (!find_video("socmmu-isp", isp_dev, video, sizeof(video))) {
		diag("no socmmu-isp video device of %s", isp_dev);
		return ktap_abort(suite);
	}
	if (!find_camera_parts()) {
		diag("%s: no IOMMU link or device-tree node", isp_dev);
		return ktap_abort(suite);
	}
	diag("camera %s (%s), IOMMU %s", isp_dev, video, mmu_dev);
	return ktap_run(suite, cases);
}
