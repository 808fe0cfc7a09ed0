/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOMMU drivers' KUnit test bench (socmmu_iommu_bench): what the OMAP,
 * Exynos and MSM suites' C shims (kunit/<driver>_iommu/suites.c) share.
 * A suite describes its clients and IOMMU instances in a struct ib_bench;
 * the bench binds the test DT's clients with a platform driver of its
 * own, tracks what the running case holds (domains, attachments, runtime
 * PM references, the blocking domain, a simulated sleep, pages) and gives
 * it all back when the case ends.  C only: it holds kernel types.
 */
#ifndef SOCMMU_IOMMU_BENCH_H
#define SOCMMU_IOMMU_BENCH_H

#include <linux/platform_device.h>
#include <linux/types.h>

#include "bench_text.h"

struct device;
struct device_node;
struct iommu_domain;
struct kunit;

/* Clients, IOMMU instances per client, and what a case may hold. */
#define IB_MAX_CLIENTS	16
#define IB_MAX_IOMMUS	2
#define IB_MAX		32
#define IB_MAX_DOMAINS	10

struct ib_bench {
	/* Set by the suite. */
	const char *name;			/* the client driver's name */
	const struct of_device_id *match;	/* the clients' compatibles */
	unsigned int nr_clients;
	const char *const *client_names;	/* for the "not bound" message */
	unsigned int max_domains;		/* per case, at most IB_MAX_DOMAINS */
	/* The client index of @np, or -1: the driver refuses the device. */
	int (*index_of)(struct device_node *np);
	/* The @i-th IOMMU instance's device in front of @client, or NULL. */
	struct device *(*iommu_dev)(unsigned int client, unsigned int i);
	/* Optional: at probe; true keeps the DMA layer the framework installed. */
	bool (*probed)(unsigned int client, struct device *dev);
	/* Optional: at the case's end, after its domains are freed. */
	void (*release)(void);

	/* The bench's. */
	struct platform_driver driver;
	bool registered;
	struct device *clients[IB_MAX_CLIENTS];
	/* What the running case holds. */
	struct {
		struct iommu_domain *domains[IB_MAX_DOMAINS];
		struct {
			struct iommu_domain *domain;
			struct device *client;
		} attached[IB_MAX];
		int n_attached;
		struct device *pm_held[IB_MAX];
		int n_pm;
		struct device *blocked;
		int asleep;		/* client index + 1 */
		unsigned long pages[IB_MAX];
		int n_pages;
	} c;
};

/* The client driver: registered from suite_init, gone with the module. */
int ib_suite_init(struct ib_bench *b);
void ib_exit(struct ib_bench *b);
/* Fails the case when a client is not bound; ends what the last one held. */
int ib_case_init(struct ib_bench *b, struct kunit *test);
void ib_case_exit(struct ib_bench *b);

struct device *ib_client(struct ib_bench *b, unsigned int which);
int ib_client_index(struct ib_bench *b, struct device *client);

struct iommu_domain *ib_domain_alloc(struct ib_bench *b, struct device *client);
int ib_attach(struct ib_bench *b, struct iommu_domain *domain, struct device *client);
void ib_detach(struct ib_bench *b, struct iommu_domain *domain, struct device *client);
int ib_claim_blocked(struct ib_bench *b, struct device *client);
void ib_release_blocked(struct ib_bench *b, struct device *client);
int ib_pm_get(struct ib_bench *b, struct device *dev);
void ib_pm_put(struct ib_bench *b, struct device *dev);
int ib_sleep_suspend(struct ib_bench *b, unsigned int client);
int ib_sleep_resume(struct ib_bench *b, unsigned int client);
void *ib_page(struct ib_bench *b, u64 *phys);

/* Up to a second (50 polls, 20 ms apart) for @done(@obj, @arg). */
bool ib_poll(bool (*done)(void *obj, long arg), void *obj, long arg);
/* Up to a second for a fault handler's @count to reach @want. */
bool ib_wait_count(const int *count, int want);

u32 ib_reg_read(phys_addr_t base, size_t window, u32 offset);
void ib_reg_write(phys_addr_t base, size_t window, u32 offset, u32 value);
long ib_debugfs_read(const char *dir, struct device *dev, const char *file, char *buf,
		     size_t len, u64 *ns);

#endif
