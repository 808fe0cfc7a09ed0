// SPDX-License-Identifier: GPL-2.0
/*
 * The example camera driver's kernel side: platform driver, V4L2 device and
 * ioctls, the vb2 queue (dma-contig: buffers come from the DMA API), the
 * IRQ, runtime and system PM.  What the hardware takes and how its
 * registers work is in C++ (isp_format.cpp, isp_hw.cpp).
 *
 * The driver knows nothing of the IOMMU behind the ISP: buffers get their
 * bus addresses from vb2_dma_contig (dma_alloc_attrs, dma_map_sgtable), and
 * runtime-resuming the ISP resumes its IOMMU through the device link the
 * IOMMU driver created.  See Documentation/isp-example.rst.
 */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <media/v4l2-dev.h>
#include <media/v4l2-device.h>
#include <media/v4l2-fh.h>
#include <media/v4l2-ioctl.h>
#include <media/videobuf2-dma-contig.h>
#include <media/videobuf2-v4l2.h>

#include "isp_example.h"

#define ISP_NAME		"socmmu-isp-example"
#define ISP_AUTOSUSPEND_MS	100

static_assert(ISP_FOURCC_RGB24 == V4L2_PIX_FMT_RGB24);
static_assert(ISP_FOURCC_YUYV == V4L2_PIX_FMT_YUYV);

struct isp_buffer {
	struct vb2_v4l2_buffer vb;	/* first: vb2 allocates isp_buffers */
	struct list_head list;
};

struct isp_dev {
	struct device *dev;
	struct v4l2_device v4l2_dev;
	struct video_device vdev;
	struct vb2_queue queue;
	struct mutex lock;		/* the ioctls and the queue */
	struct isp_pix pix;		/* under lock; fixed while streaming */
	int irq;

	spinlock_t hw_lock;		/* hw, the lists and the flags below */
	struct isp_hw *hw;
	struct list_head queued;	/* given by vb2, not yet to the hardware */
	struct isp_buffer *active;	/* the frame being captured */
	bool running;			/* streaming, and the hardware set up */
	u32 sequence;
};

static struct isp_buffer *to_isp_buffer(struct vb2_buffer *vb)
{
	return container_of(to_vb2_v4l2_buffer(vb), struct isp_buffer, vb);
}

/* ------------------------------------------------------- the hardware -- */

/* Give the next queued buffer to the hardware; hw_lock held. */
static void isp_kick(struct isp_dev *isp)
{
	struct isp_buffer *buf;
	dma_addr_t addr;

	if (!isp->running || isp->active || list_empty(&isp->queued))
		return;
	buf = list_first_entry(&isp->queued, struct isp_buffer, list);
	list_del(&buf->list);
	isp->active = buf;
	addr = vb2_dma_contig_plane_dma_addr(&buf->vb.vb2_buf, 0);
	isp_hw_capture(isp->hw, (u32)addr);
}

static irqreturn_t isp_irq(int irq, void *data)
{
	struct isp_dev *isp = data;
	struct isp_hw_event ev;
	struct isp_buffer *buf;

	spin_lock(&isp->hw_lock);
	if (!isp_hw_take_irq(isp->hw, &ev)) {
		spin_unlock(&isp->hw_lock);
		return IRQ_NONE;
	}
	buf = isp->active;
	if (ev.frame_done && buf) {
		isp->active = NULL;
		buf->vb.vb2_buf.timestamp = ktime_get_ns();
		buf->vb.sequence = isp->sequence++;
		buf->vb.field = V4L2_FIELD_NONE;
		if (ev.dma_error)
			dev_err_ratelimited(isp->dev,
					    "frame %u: DMA error at bus address 0x%08x\n",
					    buf->vb.sequence, ev.error_addr);
		vb2_buffer_done(&buf->vb.vb2_buf,
				ev.dma_error ? VB2_BUF_STATE_ERROR : VB2_BUF_STATE_DONE);
	}
	isp_kick(isp);
	spin_unlock(&isp->hw_lock);
	return IRQ_HANDLED;
}

/* Stop the hardware and take back the frame in flight; nothing runs after. */
static struct isp_buffer *isp_halt(struct isp_dev *isp)
{
	struct isp_buffer *buf;
	unsigned long flags;

	spin_lock_irqsave(&isp->hw_lock, flags);
	isp->running = false;
	isp_hw_stop(isp->hw);
	buf = isp->active;
	isp->active = NULL;
	spin_unlock_irqrestore(&isp->hw_lock, flags);
	synchronize_irq(isp->irq);
	return buf;
}

static void isp_run(struct isp_dev *isp)
{
	unsigned long flags;

	spin_lock_irqsave(&isp->hw_lock, flags);
	isp_hw_setup(isp->hw, &isp->pix);
	isp->running = true;
	isp_kick(isp);
	spin_unlock_irqrestore(&isp->hw_lock, flags);
}

/* ------------------------------------------------------------- vb2 -- */

static int isp_queue_setup(struct vb2_queue *q, unsigned int *nbuffers,
			   unsigned int *nplanes, unsigned int sizes[],
			   struct device *alloc_devs[])
{
	struct isp_dev *isp = vb2_get_drv_priv(q);

	if (*nplanes) {
		if (*nplanes != 1 || sizes[0] < isp->pix.sizeimage) {
			dev_err(isp->dev, "buffers of %u bytes for frames of %u: -EINVAL\n",
				sizes[0], isp->pix.sizeimage);
			return -EINVAL;
		}
		return 0;
	}
	*nplanes = 1;
	sizes[0] = isp->pix.sizeimage;
	return 0;
}

static int isp_buf_prepare(struct vb2_buffer *vb)
{
	struct isp_dev *isp = vb2_get_drv_priv(vb->vb2_queue);

	if (vb2_plane_size(vb, 0) < isp->pix.sizeimage) {
		dev_err(isp->dev, "buffer of %lu bytes for a frame of %u: -EINVAL\n",
			vb2_plane_size(vb, 0), isp->pix.sizeimage);
		return -EINVAL;
	}
	/* The engine takes 32-bit bus addresses. */
	if (upper_32_bits(vb2_dma_contig_plane_dma_addr(vb, 0) + isp->pix.sizeimage - 1)) {
		dev_err(isp->dev, "buffer above 4 GiB on the bus: -EINVAL\n");
		return -EINVAL;
	}
	vb2_set_plane_payload(vb, 0, isp->pix.sizeimage);
	return 0;
}

static void isp_buf_queue(struct vb2_buffer *vb)
{
	struct isp_dev *isp = vb2_get_drv_priv(vb->vb2_queue);
	struct isp_buffer *buf = to_isp_buffer(vb);
	unsigned long flags;

	spin_lock_irqsave(&isp->hw_lock, flags);
	list_add_tail(&buf->list, &isp->queued);
	isp_kick(isp);
	spin_unlock_irqrestore(&isp->hw_lock, flags);
}

static void isp_return_buffers(struct isp_dev *isp, struct isp_buffer *active,
			       enum vb2_buffer_state state)
{
	struct isp_buffer *buf, *tmp;
	unsigned long flags;
	LIST_HEAD(bufs);

	spin_lock_irqsave(&isp->hw_lock, flags);
	list_splice_init(&isp->queued, &bufs);
	spin_unlock_irqrestore(&isp->hw_lock, flags);
	if (active)
		vb2_buffer_done(&active->vb.vb2_buf, state);
	list_for_each_entry_safe(buf, tmp, &bufs, list) {
		list_del(&buf->list);
		vb2_buffer_done(&buf->vb.vb2_buf, state);
	}
}

static int isp_start_streaming(struct vb2_queue *q, unsigned int count)
{
	struct isp_dev *isp = vb2_get_drv_priv(q);
	int ret;

	/* Powers the ISP, and its IOMMU first through the device link. */
	ret = pm_runtime_resume_and_get(isp->dev);
	if (ret) {
		dev_err(isp->dev, "cannot power up to stream: %d\n", ret);
		isp_return_buffers(isp, NULL, VB2_BUF_STATE_QUEUED);
		return ret;
	}
	isp->sequence = 0;
	isp_run(isp);
	return 0;
}

static void isp_stop_streaming(struct vb2_queue *q)
{
	struct isp_dev *isp = vb2_get_drv_priv(q);

	isp_return_buffers(isp, isp_halt(isp), VB2_BUF_STATE_ERROR);
	pm_runtime_mark_last_busy(isp->dev);
	pm_runtime_put_autosuspend(isp->dev);
}

static const struct vb2_ops isp_vb2_ops = {
	.queue_setup = isp_queue_setup,
	.buf_prepare = isp_buf_prepare,
	.buf_queue = isp_buf_queue,
	.start_streaming = isp_start_streaming,
	.stop_streaming = isp_stop_streaming,
	.wait_prepare = vb2_ops_wait_prepare,
	.wait_finish = vb2_ops_wait_finish,
};

/* ---------------------------------------------------------- ioctls -- */

static int isp_querycap(struct file *file, void *fh, struct v4l2_capability *cap)
{
	struct isp_dev *isp = video_drvdata(file);

	strscpy(cap->driver, ISP_NAME, sizeof(cap->driver));
	strscpy(cap->card, "socmmu example ISP", sizeof(cap->card));
	snprintf(cap->bus_info, sizeof(cap->bus_info), "platform:%s", dev_name(isp->dev));
	return 0;
}

static int isp_enum_fmt(struct file *file, void *fh, struct v4l2_fmtdesc *f)
{
	u32 fourcc;

	if (f->mbus_code || !isp_fmt_enum(f->index, &fourcc))
		return -EINVAL;
	f->pixelformat = fourcc;
	return 0;
}

static void isp_to_v4l2(const struct isp_pix *pix, struct v4l2_pix_format *f)
{
	memset(f, 0, sizeof(*f));
	f->pixelformat = pix->fourcc;
	f->width = pix->width;
	f->height = pix->height;
	f->bytesperline = pix->bytesperline;
	f->sizeimage = pix->sizeimage;
	f->field = V4L2_FIELD_NONE;
	f->colorspace = V4L2_COLORSPACE_SRGB;
}

static int isp_g_fmt(struct file *file, void *fh, struct v4l2_format *f)
{
	struct isp_dev *isp = video_drvdata(file);

	isp_to_v4l2(&isp->pix, &f->fmt.pix);
	return 0;
}

static int isp_try_fmt(struct file *file, void *fh, struct v4l2_format *f)
{
	struct isp_pix pix = {
		.fourcc = f->fmt.pix.pixelformat,
		.width = f->fmt.pix.width,
		.height = f->fmt.pix.height,
	};

	isp_fmt_try(&pix);
	isp_to_v4l2(&pix, &f->fmt.pix);
	return 0;
}

static int isp_s_fmt(struct file *file, void *fh, struct v4l2_format *f)
{
	struct isp_dev *isp = video_drvdata(file);

	if (vb2_is_busy(&isp->queue)) {
		dev_err(isp->dev, "S_FMT while buffers are allocated: -EBUSY\n");
		return -EBUSY;
	}
	isp_try_fmt(file, fh, f);
	isp->pix = (struct isp_pix){
		.fourcc = f->fmt.pix.pixelformat,
		.width = f->fmt.pix.width,
		.height = f->fmt.pix.height,
		.bytesperline = f->fmt.pix.bytesperline,
		.sizeimage = f->fmt.pix.sizeimage,
	};
	return 0;
}

static int isp_enum_input(struct file *file, void *fh, struct v4l2_input *inp)
{
	if (inp->index)
		return -EINVAL;
	inp->type = V4L2_INPUT_TYPE_CAMERA;
	strscpy(inp->name, "Test pattern", sizeof(inp->name));
	return 0;
}

static int isp_g_input(struct file *file, void *fh, unsigned int *i)
{
	*i = 0;
	return 0;
}

static int isp_s_input(struct file *file, void *fh, unsigned int i)
{
	struct isp_dev *isp = video_drvdata(file);

	if (i) {
		dev_err(isp->dev, "no input %u: -EINVAL\n", i);
		return -EINVAL;
	}
	return 0;
}

static const struct v4l2_ioctl_ops isp_ioctl_ops = {
	.vidioc_querycap = isp_querycap,
	.vidioc_enum_fmt_vid_cap = isp_enum_fmt,
	.vidioc_g_fmt_vid_cap = isp_g_fmt,
	.vidioc_try_fmt_vid_cap = isp_try_fmt,
	.vidioc_s_fmt_vid_cap = isp_s_fmt,
	.vidioc_enum_input = isp_enum_input,
	.vidioc_g_input = isp_g_input,
	.vidioc_s_input = isp_s_input,
	.vidioc_reqbufs = vb2_ioctl_reqbufs,
	.vidioc_create_bufs = vb2_ioctl_create_bufs,
	.vidioc_prepare_buf = vb2_ioctl_prepare_buf,
	.vidioc_querybuf = vb2_ioctl_querybuf,
	.vidioc_qbuf = vb2_ioctl_qbuf,
	.vidioc_dqbuf = vb2_ioctl_dqbuf,
	.vidioc_expbuf = vb2_ioctl_expbuf,
	.vidioc_streamon = vb2_ioctl_streamon,
	.vidioc_streamoff = vb2_ioctl_streamoff,
};

static const struct v4l2_file_operations isp_fops = {
	.owner = THIS_MODULE,
	.open = v4l2_fh_open,
	.release = vb2_fop_release,
	.poll = vb2_fop_poll,
	.mmap = vb2_fop_mmap,
	.unlocked_ioctl = video_ioctl2,
};

/* -------------------------------------------------------------- PM -- */

/*
 * Nothing to save: a stream programs the registers at its start.  The
 * model's PM domain (the SoC's, on a board) powers the ISP around these.
 */
static int isp_runtime_suspend(struct device *dev)
{
	return 0;
}

static int isp_runtime_resume(struct device *dev)
{
	return 0;
}

/* System sleep: a stream stops at the frame in flight, and goes on after. */
static int isp_suspend(struct device *dev)
{
	struct isp_dev *isp = dev_get_drvdata(dev);
	struct isp_buffer *buf;
	unsigned long flags;

	if (vb2_is_streaming(&isp->queue)) {
		buf = isp_halt(isp);
		/* Captured again after resume: it goes back first in line. */
		if (buf) {
			spin_lock_irqsave(&isp->hw_lock, flags);
			list_add(&buf->list, &isp->queued);
			spin_unlock_irqrestore(&isp->hw_lock, flags);
		}
	}
	return pm_runtime_force_suspend(dev);
}

static int isp_resume(struct device *dev)
{
	struct isp_dev *isp = dev_get_drvdata(dev);
	int ret = pm_runtime_force_resume(dev);

	if (ret)
		return ret;
	if (vb2_is_streaming(&isp->queue))
		isp_run(isp);
	return 0;
}

static const struct dev_pm_ops isp_pm_ops = {
	SET_SYSTEM_SLEEP_PM_OPS(isp_suspend, isp_resume)
	SET_RUNTIME_PM_OPS(isp_runtime_suspend, isp_runtime_resume, NULL)
};

/* ----------------------------------------------------------- probe -- */

static void isp_v4l2_release(struct v4l2_device *v4l2_dev)
{
	struct isp_dev *isp = container_of(v4l2_dev, struct isp_dev, v4l2_dev);

	isp_hw_destroy(isp->hw);
	mutex_destroy(&isp->lock);
	kfree(isp);
}

static int isp_init_queue(struct isp_dev *isp)
{
	struct vb2_queue *q = &isp->queue;

	q->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	q->io_modes = VB2_MMAP | VB2_DMABUF;
	/*
	 * A user buffer is scattered pages: vb2_dma_contig takes it only when
	 * the DMA layer maps it to one contiguous bus range, which it says by
	 * having a merge boundary (an IOMMU behind the DMA API; not dma-direct).
	 */
	if (dma_get_merge_boundary(isp->dev))
		q->io_modes |= VB2_USERPTR;
	q->drv_priv = isp;
	q->buf_struct_size = sizeof(struct isp_buffer);
	q->ops = &isp_vb2_ops;
	q->mem_ops = &vb2_dma_contig_memops;
	q->timestamp_flags = V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC;
	q->lock = &isp->lock;
	q->dev = isp->dev;
	return vb2_queue_init(q);
}

/* Suspends now if idle (autosuspend off), then disables runtime PM. */
static void isp_pm_disable(struct device *dev)
{
	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_disable(dev);
}

static int isp_check_hw(struct isp_dev *isp)
{
	unsigned long flags;
	u32 id = 0;
	int ret;

	ret = pm_runtime_resume_and_get(isp->dev);
	if (ret) {
		dev_err(isp->dev, "cannot power up: %d\n", ret);
		return ret;
	}
	spin_lock_irqsave(&isp->hw_lock, flags);
	ret = isp_hw_check_id(isp->hw, &id);
	spin_unlock_irqrestore(&isp->hw_lock, flags);
	pm_runtime_mark_last_busy(isp->dev);
	pm_runtime_put_autosuspend(isp->dev);
	if (ret)
		dev_err(isp->dev, "ID register reads 0x%08x, not an example ISP: %d\n", id, ret);
	return ret;
}

static int isp_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct isp_dev *isp;
	void __iomem *base;
	int ret;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret) {
		dev_err(dev, "no 32-bit DMA: %d\n", ret);
		return ret;
	}
	/*
	 * A frame is one bus range of any length, imported buffers too.
	 * (Platform devices have dma_parms: this cannot fail; 6.12 returns void.)
	 */
	dma_set_max_seg_size(dev, UINT_MAX);

	isp = kzalloc(sizeof(*isp), GFP_KERNEL);
	if (!isp)
		return -ENOMEM;
	isp->dev = dev;
	mutex_init(&isp->lock);
	spin_lock_init(&isp->hw_lock);
	INIT_LIST_HEAD(&isp->queued);
	isp_fmt_default(&isp->pix);
	isp->hw = isp_hw_create((__force struct kx_iomem *)base, &ret);
	if (!isp->hw)
		goto err_free;

	isp->irq = platform_get_irq(pdev, 0);
	if (isp->irq < 0) {
		ret = isp->irq;
		goto err_hw;
	}
	ret = request_irq(isp->irq, isp_irq, 0, dev_name(dev), isp);
	if (ret) {
		dev_err(dev, "cannot request IRQ %d: %d\n", isp->irq, ret);
		goto err_hw;
	}

	pm_runtime_set_autosuspend_delay(dev, ISP_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);
	ret = isp_check_hw(isp);
	if (ret)
		goto err_pm;

	ret = isp_init_queue(isp);
	if (ret)
		goto err_pm;
	ret = v4l2_device_register(dev, &isp->v4l2_dev);
	if (ret)
		goto err_pm;
	isp->v4l2_dev.release = isp_v4l2_release;

	strscpy(isp->vdev.name, "socmmu-isp", sizeof(isp->vdev.name));
	isp->vdev.v4l2_dev = &isp->v4l2_dev;
	isp->vdev.fops = &isp_fops;
	isp->vdev.ioctl_ops = &isp_ioctl_ops;
	isp->vdev.release = video_device_release_empty;
	isp->vdev.lock = &isp->lock;
	isp->vdev.queue = &isp->queue;
	isp->vdev.vfl_dir = VFL_DIR_RX;
	isp->vdev.device_caps = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING;
	video_set_drvdata(&isp->vdev, isp);
	platform_set_drvdata(pdev, isp);

	ret = video_register_device(&isp->vdev, VFL_TYPE_VIDEO, -1);
	if (ret) {
		dev_err(dev, "cannot register the video device: %d\n", ret);
		goto err_v4l2;
	}
	dev_info(dev, "example ISP at %s, DMA through the DMA API%s\n",
		 video_device_node_name(&isp->vdev),
		 isp->queue.io_modes & VB2_USERPTR ? " (USERPTR too)" : "");
	return 0;

err_v4l2:
	/* The release frees isp, with the hardware object. */
	isp_pm_disable(dev);
	free_irq(isp->irq, isp);
	v4l2_device_unregister(&isp->v4l2_dev);
	v4l2_device_put(&isp->v4l2_dev);
	return ret;
err_pm:
	isp_pm_disable(dev);
	free_irq(isp->irq, isp);
err_hw:
	isp_hw_destroy(isp->hw);
err_free:
	mutex_destroy(&isp->lock);
	kfree(isp);
	return ret;
}

static void isp_remove(struct platform_device *pdev)
{
	struct isp_dev *isp = platform_get_drvdata(pdev);

	/* Stops a stream an open file left running, and frees the buffers. */
	vb2_video_unregister_device(&isp->vdev);
	isp_pm_disable(&pdev->dev);
	free_irq(isp->irq, isp);
	v4l2_device_unregister(&isp->v4l2_dev);
	/* Open files keep isp until their last close (isp_v4l2_release). */
	v4l2_device_put(&isp->v4l2_dev);
}

static const struct of_device_id isp_of_match[] = {
	{ .compatible = "socmmu,example-isp" },
	{}
};
MODULE_DEVICE_TABLE(of, isp_of_match);

static struct platform_driver isp_driver = {
	.probe = isp_probe,
	.remove_new = isp_remove,
	.driver = {
		.name = ISP_NAME,
		.of_match_table = isp_of_match,
		.pm = &isp_pm_ops,
	},
};
module_platform_driver(isp_driver);

MODULE_DESCRIPTION("socmmu example camera: a V4L2 capture driver doing its DMA through the DMA API");
MODULE_LICENSE("GPL");
