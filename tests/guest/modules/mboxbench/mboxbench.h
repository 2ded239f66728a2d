/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MBOXBENCH_H
#define MBOXBENCH_H

#include <linux/types.h>

/* scpi.c */
bool bench_scpi_available(void);
int bench_scpi_sensor_read(u16 sensor);
void bench_scpi_release(void);

#endif
