// SPDX-License-Identifier: GPL-2.0
/*
 * Mainline's own board device trees, unchanged, against our drivers' DT
 * parsing: every IOMMU node and every client "iommus" must pass the
 * checks probe makes (socmmu_iommu_check_node() and
 * socmmu_iommu_check_client(), the production code without the
 * hardware).  UML boots this suite with the boards merged under the
 * disabled /socmmu-boards (scripts/build-board-dtb.sh), each board node
 * saying how many IOMMU nodes and clients it holds.  See
 * Documentation/board-dts.rst.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/of.h>

#include "../../iommu/core/socmmu_iommu.h"

#define BOARDS_PATH	"/socmmu-boards"

struct board_tally {
	u32 iommus;
	u32 clients;
};

static void board_check_subtree(struct kunit *test, struct device_node *np,
				struct board_tally *tally)
{
	struct device_node *child;
	const char *driver;
	int ret;

	ret = socmmu_iommu_check_node(np, &driver);
	if (driver) {
		tally->iommus++;
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%pOF refused by %s", np, driver);
	}
	if (of_find_property(np, "iommus", NULL)) {
		tally->clients++;
		KUNIT_EXPECT_EQ_MSG(test, socmmu_iommu_check_client(np), 0, "%pOF refused", np);
	}
	for_each_child_of_node(np, child)
		board_check_subtree(test, child, tally);
}

/* One case per board: its node under /socmmu-boards. */
static const void *board_gen_params(const void *prev, char *desc)
{
	struct device_node *boards = of_find_node_by_path(BOARDS_PATH);
	struct device_node *np;

	if (!boards)
		return NULL;
	np = of_get_next_child(boards, (struct device_node *)prev);
	of_node_put(boards);
	if (np)
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%pOFn", np);
	return np;
}

static void board_accepted(struct kunit *test)
{
	struct device_node *board = (struct device_node *)test->param_value;
	struct board_tally tally = {};
	u32 iommus, clients;

	KUNIT_ASSERT_EQ(test, of_property_read_u32(board, "socmmu,expect-iommus", &iommus), 0);
	KUNIT_ASSERT_EQ(test, of_property_read_u32(board, "socmmu,expect-clients", &clients), 0);
	board_check_subtree(test, board, &tally);
	/* Every node of the bindings had a driver; none is counted for nothing. */
	KUNIT_EXPECT_GT(test, tally.iommus, 0U);
	KUNIT_EXPECT_EQ(test, tally.iommus, iommus);
	KUNIT_EXPECT_EQ(test, tally.clients, clients);
}

/* Every board of kunit/boards/boards.list is in the tree UML booted. */
static void boards_present(struct kunit *test)
{
	struct device_node *boards = of_find_node_by_path(BOARDS_PATH);
	u32 expect = 0;

	KUNIT_ASSERT_NOT_NULL_MSG(test, boards, "booted without %s", BOARDS_PATH);
	KUNIT_EXPECT_EQ(test, of_property_read_u32(boards, "socmmu,expect-boards", &expect), 0);
	KUNIT_EXPECT_GT(test, expect, 0U);
	KUNIT_EXPECT_EQ(test, of_get_child_count(boards), expect);
	of_node_put(boards);
}

/* The checks refuse: a node of no binding, and "iommus" that is not there. */
static void boards_check_refuses(struct kunit *test)
{
	struct device_node *boards = of_find_node_by_path(BOARDS_PATH);
	const char *driver = "unset";

	KUNIT_ASSERT_NOT_NULL(test, boards);
	KUNIT_EXPECT_EQ(test, socmmu_iommu_check_node(boards, &driver), -ENODEV);
	KUNIT_EXPECT_NULL(test, driver);
	KUNIT_EXPECT_EQ(test, socmmu_iommu_check_client(boards), -EINVAL);
	of_node_put(boards);
}

static struct kunit_case boards_cases[] = {
	KUNIT_CASE(boards_present),
	KUNIT_CASE(boards_check_refuses),
	KUNIT_CASE_PARAM(board_accepted, board_gen_params),
	{}
};

static struct kunit_suite boards_suite = {
	.name = "socmmu_board_dts",
	.test_cases = boards_cases,
};

kunit_test_suites(&boards_suite);

MODULE_DESCRIPTION("socmmu: mainline board device trees against our drivers' DT checks");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
