// SPDX-License-Identifier: GPL-2.0
/*
 * Gate clocks for the hardware models (model_clk.h).  Static storage only:
 * the module that links this stays loaded.
 */
#include <linux/clk-provider.h>
#include <linux/export.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

#include "model_clk.h"

#define MODEL_CLK_MAX	64
#define MODEL_CLK_RATE	100000000UL

struct model_clk {
	struct clk_hw hw;
	const char *name;
	bool enabled;
	unsigned int enables, disables;
};

static struct model_clk model_clks[MODEL_CLK_MAX];
static DEFINE_SPINLOCK(model_clk_lock);
static struct device_node *model_clk_np;
static struct {
	struct clk_hw_onecell_data data;
	struct clk_hw *hws[MODEL_CLK_MAX];
} model_clk_cells;

static struct model_clk *to_model_clk(struct clk_hw *hw)
{
	return container_of(hw, struct model_clk, hw);
}

static int model_clk_enable(struct clk_hw *hw)
{
	struct model_clk *c = to_model_clk(hw);
	unsigned long flags;

	spin_lock_irqsave(&model_clk_lock, flags);
	c->enabled = true;
	c->enables++;
	spin_unlock_irqrestore(&model_clk_lock, flags);
	return 0;
}

static void model_clk_disable(struct clk_hw *hw)
{
	struct model_clk *c = to_model_clk(hw);
	unsigned long flags;

	spin_lock_irqsave(&model_clk_lock, flags);
	c->enabled = false;
	c->disables++;
	spin_unlock_irqrestore(&model_clk_lock, flags);
}

static int model_clk_is_enabled(struct clk_hw *hw)
{
	return model_clk_enabled(to_model_clk(hw));
}

static unsigned long model_clk_recalc_rate(struct clk_hw *hw, unsigned long parent_rate)
{
	return MODEL_CLK_RATE;
}

static const struct clk_ops model_clk_ops = {
	.enable = model_clk_enable,
	.disable = model_clk_disable,
	.is_enabled = model_clk_is_enabled,
	.recalc_rate = model_clk_recalc_rate,
};

/*
 * The provider is registered from the probe of a driver bound to the
 * node, not from module init: fw_devlink holds every consumer (the
 * SYSMMUs, the MSM IOMMUs) back until its supplier's device is bound, and
 * a node no driver binds would keep them deferred until the deferred-probe
 * timeout.
 */
static int model_clk_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	int n, i, ret;

	/* One provider: the gates live in static storage. */
	if (model_clk_np) {
		dev_err(&pdev->dev, "a second socmmu,model-clocks node\n");
		return -EBUSY;
	}
	n = of_property_count_strings(np, "clock-output-names");
	if (n <= 0 || n > MODEL_CLK_MAX) {
		dev_err(&pdev->dev, "clock-output-names must name 1..%d clocks\n", MODEL_CLK_MAX);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		struct clk_init_data init = { .ops = &model_clk_ops };
		struct model_clk *c = &model_clks[i];

		of_property_read_string_index(np, "clock-output-names", i, &c->name);
		init.name = c->name;
		c->hw.init = &init;
		ret = clk_hw_register(NULL, &c->hw);
		if (ret) {
			dev_err(&pdev->dev, "cannot register %s: %d\n", c->name, ret);
			return ret;
		}
		model_clk_cells.hws[i] = &c->hw;
	}
	model_clk_cells.data.num = n;
	ret = of_clk_add_hw_provider(np, of_clk_hw_onecell_get, &model_clk_cells.data);
	if (ret) {
		dev_err(&pdev->dev, "cannot add the provider: %d\n", ret);
		return ret;
	}
	model_clk_np = of_node_get(np);
	return 0;
}

static const struct of_device_id model_clk_of_match[] = {
	{ .compatible = "socmmu,model-clocks" },
	{}
};

/* Never unbound: the module that links this stays loaded. */
static struct platform_driver model_clk_driver = {
	.probe = model_clk_probe,
	.driver = {
		.name = "socmmu-model-clocks",
		.of_match_table = model_clk_of_match,
		.suppress_bind_attrs = true,
	},
};

int model_clk_register(void)
{
	struct device_node *np = of_find_compatible_node(NULL, NULL, "socmmu,model-clocks");
	bool available = np && of_device_is_available(np);
	int ret;

	of_node_put(np);
	if (!available)
		return 0;
	ret = platform_driver_register(&model_clk_driver);
	if (ret)
		return ret;
	if (!model_clk_np) {
		platform_driver_unregister(&model_clk_driver);
		pr_err("model_clk: the model clocks did not probe\n");
		return -ENODEV;
	}
	return 0;
}

struct model_clk *model_clk_of_index(struct device_node *consumer, unsigned int index)
{
	struct of_phandle_args args;
	struct model_clk *clk = NULL;

	if (of_parse_phandle_with_args(consumer, "clocks", "#clock-cells", index, &args))
		return NULL;
	if (args.np == model_clk_np && args.args_count == 1 &&
	    args.args[0] < model_clk_cells.data.num)
		clk = &model_clks[args.args[0]];
	of_node_put(args.np);
	return clk;
}
EXPORT_SYMBOL_GPL(model_clk_of_index);

struct model_clk *model_clk_of(struct device_node *consumer, const char *name)
{
	int index = of_property_match_string(consumer, "clock-names", name);

	return index < 0 ? NULL : model_clk_of_index(consumer, index);
}
EXPORT_SYMBOL_GPL(model_clk_of);

bool model_clk_enabled(const struct model_clk *clk)
{
	return READ_ONCE(clk->enabled);
}
EXPORT_SYMBOL_GPL(model_clk_enabled);

unsigned int model_clk_enables(const struct model_clk *clk)
{
	return READ_ONCE(clk->enables);
}
EXPORT_SYMBOL_GPL(model_clk_enables);

unsigned int model_clk_disables(const struct model_clk *clk)
{
	return READ_ONCE(clk->disables);
}
EXPORT_SYMBOL_GPL(model_clk_disables);

const char *model_clk_name(const struct model_clk *clk)
{
	return clk->name;
}
EXPORT_SYMBOL_GPL(model_clk_name);
