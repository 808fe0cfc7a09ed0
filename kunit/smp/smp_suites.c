// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_smp_stress": the page-table engine and the IOVA allocator
 * driven from two CPUs at once (smp_stress_test.cpp).  UML has one CPU and
 * no preemption, so this suite runs on the ARM runtime (QEMU virt, two
 * CPUs, a preemptible kernel with lockdep: scripts/arm/run-tests.sh); it
 * builds only for SMP kernels and fails, rather than skips, with fewer
 * than two CPUs online.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/smp.h>

#include "smp_stress.h"

struct smp_stress_worker {
	void (*work)(void *ctx, unsigned int worker);
	void *ctx;
	unsigned int index;
	atomic_t *ready;
	struct completion done;
};

static int smp_stress_thread(void *data)
{
	struct smp_stress_worker *w = data;

	/* Both start together, so their loops overlap from the first step. */
	atomic_inc(w->ready);
	while (atomic_read(w->ready) < 2)
		cpu_relax();
	w->work(w->ctx, w->index);
	complete(&w->done);

	/* kthread_stop() waits for this return: no thread outlives the case. */
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

int smp_stress_on_two_cpus(void (*work)(void *ctx, unsigned int worker), void *ctx)
{
	struct smp_stress_worker workers[2];
	struct task_struct *threads[2];
	atomic_t ready = ATOMIC_INIT(0);
	unsigned int cpus[2], i;

	cpus[0] = cpumask_first(cpu_online_mask);
	cpus[1] = cpumask_next(cpus[0], cpu_online_mask);
	if (cpus[1] >= nr_cpu_ids)
		return -ENODEV;

	for (i = 0; i < 2; i++) {
		workers[i] = (struct smp_stress_worker){
			.work = work, .ctx = ctx, .index = i, .ready = &ready,
		};
		init_completion(&workers[i].done);
		threads[i] = kthread_create(smp_stress_thread, &workers[i], "socmmu-smp/%u", i);
		if (IS_ERR(threads[i])) {
			int ret = PTR_ERR(threads[i]);

			/* Not started: its work never ran, and the other's cannot begin alone. */
			if (i)
				kthread_stop(threads[0]);
			return ret;
		}
		kthread_bind(threads[i], cpus[i]);
	}
	for (i = 0; i < 2; i++)
		wake_up_process(threads[i]);
	/*
	 * Both must have run their work before either is stopped: a thread
	 * stopped before it first runs never calls its function at all, and
	 * the other would wait for it forever.
	 */
	for (i = 0; i < 2; i++)
		wait_for_completion(&workers[i].done);
	for (i = 0; i < 2; i++)
		kthread_stop(threads[i]);
	return 0;
}

unsigned int smp_stress_cpu(void)
{
	return raw_smp_processor_id();
}

u64 smp_stress_now_ns(void)
{
	return ktime_get_ns();
}

void smp_stress_yield(void)
{
	cond_resched();
}

void smp_stress_info(struct kunit *test, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	kunit_info(test, "%pV\n", &vaf);
	va_end(args);
}

static struct platform_device *smp_pdev;

struct device *smp_stress_device(void)
{
	return smp_pdev ? &smp_pdev->dev : NULL;
}

static int smp_case_init(struct kunit *test)
{
	struct platform_device *pdev;
	int ret;

	if (num_online_cpus() < 2) {
		kunit_err(test, "%u CPU online: this suite needs two\n", num_online_cpus());
		return -ENODEV;
	}
	pdev = platform_device_register_simple("socmmu-smp-test", PLATFORM_DEVID_AUTO, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret) {
		platform_device_unregister(pdev);
		return ret;
	}
	smp_pdev = pdev;
	return 0;
}

static void smp_case_exit(struct kunit *test)
{
	platform_device_unregister(smp_pdev);
	smp_pdev = NULL;
}

static struct kunit_case smp_stress_cases[] = {
	KUNIT_CASE(smp_pgtable_shared_l2),
	KUNIT_CASE(smp_pgtable_shared_l2_v7s),
	KUNIT_CASE(smp_pgtable_one_l2_runs),
	KUNIT_CASE(smp_iova_cross_cpu),
	KUNIT_CASE(smp_iova_and_table),
	{}
};

static struct kunit_suite smp_stress_suite = {
	.name = "socmmu_smp_stress",
	.init = smp_case_init,
	.exit = smp_case_exit,
	.test_cases = smp_stress_cases,
};

kunit_test_suites(&smp_stress_suite);

MODULE_DESCRIPTION("KUnit SMP stress of the socmmu page-table engine and IOVA allocator");
MODULE_LICENSE("GPL");
