// SPDX-License-Identifier: GPL-2.0-only
/*
 * mboxbench: the SCPI row. Apart from main.c because <linux/scpi_protocol.h> and
 * <linux/scmi_protocol.h> declare the same enumerators (VOLTAGE, CURRENT, ...).
 *
 * arm_scpi is a module that tools/qemu-run loads after the project's modules, so its
 * get_scpi_ops() is looked up when the row first runs (symbol_get), not at load time.
 */
#include <linux/module.h>
#include <linux/scpi_protocol.h>

#include "mboxbench.h"

static struct scpi_ops *(*scpi_get)(void);
static struct scpi_ops *scpi;

bool bench_scpi_available(void)
{
	if (!scpi) {
		if (!scpi_get)
			scpi_get = symbol_get(get_scpi_ops);
		if (scpi_get)
			scpi = scpi_get();
	}
	return scpi && scpi->sensor_get_value;
}

int bench_scpi_sensor_read(u16 sensor)
{
	u64 val;

	return scpi->sensor_get_value(sensor, &val);
}

void bench_scpi_release(void)
{
	if (scpi_get)
		symbol_put(get_scpi_ops);
	scpi_get = NULL;
	scpi = NULL;
}
