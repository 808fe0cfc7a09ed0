// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_testbench: what our KUnit suites run against in UML.  It emulates
 * register windows through logic_iomem, which cannot unregister a region,
 * so this module has no exit function and stays loaded once loaded.
 */
#include <linux/module.h>

#include "../model_clk/model_clk.h"
#include "testbench.h"

static int __init testbench_init(void)
{
	int ret = tb_scratch_register();

	if (ret) {
		pr_err("socmmu_testbench: scratch window: error %d\n", ret);
		return ret;
	}
	return IS_ENABLED(CONFIG_COMMON_CLK) ? model_clk_register() : 0;
}
module_init(testbench_init);

MODULE_DESCRIPTION("socmmu KUnit test bench (UML)");
MODULE_LICENSE("GPL");
