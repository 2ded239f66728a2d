/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform model: the one virtual SoC (model_def.h) with its state, behind functions
 * that both protocol servers call. Every function takes the model lock, checks its IDs and
 * ranges, and returns a MODEL_* status; SCPI and SCMI only translate that status into their
 * own codes, so the two protocols can never disagree about what is valid.
 *
 * Units as in model_def.h: Hz, mV, us, milli-degC, uW, uJ, ns.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "model_def.h"

#define MODEL_OK	0
#define MODEL_ENOENT	(-1)	/* no such clock / domain / sensor */
#define MODEL_ERANGE	(-2)	/* value outside what the item supports */
#define MODEL_EINVAL	(-3)	/* malformed argument (e.g. min > max) */

#define MODEL_NAME_MAX		16	/* bytes including the NUL; SCMI short names */
#define MODEL_MAX_OPPS		8

struct model_clock_desc {
	const char *name;
	uint32_t min_hz;
	uint32_t max_hz;
	uint32_t init_hz;
};

struct model_opp {
	uint32_t hz;
	uint32_t mv;
};

struct model_dvfs_desc {
	const char *name;
	const struct model_opp *opps;	/* lowest frequency first */
	unsigned int opp_count;
	uint32_t latency_us;
	uint32_t ceff_pf;
	unsigned int init_opp;
};

struct model_sensor_desc {
	const char *name;
	unsigned int class;		/* MODEL_SENSOR_* (the SCPI class numbers) */
};

struct model_pd_desc {
	const char *name;
	bool init_on;
	uint32_t on_power_uw;
};

struct model_reset_line_desc {
	const char *name;
	bool init_asserted;
	uint32_t latency_us;
};

/* Back to the reset state; energy restarts from 0 at plat_time_ns(). */
void model_reset(void);

/* Static descriptions: NULL for an ID out of range. */
unsigned int model_clock_count(void);
const struct model_clock_desc *model_clock(unsigned int id);
unsigned int model_dvfs_count(void);
const struct model_dvfs_desc *model_dvfs(unsigned int id);
unsigned int model_sensor_count(void);
const struct model_sensor_desc *model_sensor(unsigned int id);
unsigned int model_pd_count(void);
const struct model_pd_desc *model_pd(unsigned int id);
unsigned int model_reset_line_count(void);
const struct model_reset_line_desc *model_reset_line(unsigned int id);

/* Clocks: the rate is kept while the clock is disabled. */
int model_clock_get_rate(unsigned int id, uint32_t *hz);
int model_clock_set_rate(unsigned int id, uint64_t hz);		/* min <= hz <= max */
int model_clock_get_enabled(unsigned int id, bool *on);
int model_clock_set_enabled(unsigned int id, bool on);

/*
 * DVFS: the current OPP index always lies within the limits [min_idx, max_idx] (full table
 * at reset). Setting an OPP outside the limits is MODEL_ERANGE; narrowing the limits moves
 * the current OPP to the nearest allowed one.
 */
int model_dvfs_get_opp(unsigned int id, unsigned int *idx);
int model_dvfs_set_opp(unsigned int id, unsigned int idx);
int model_dvfs_get_limits(unsigned int id, unsigned int *min_idx, unsigned int *max_idx);
int model_dvfs_set_limits(unsigned int id, unsigned int min_idx, unsigned int max_idx);
/* Dynamic power of one OPP: ceff_pf * mv^2 * hz / 10^12, in uW. */
uint64_t model_opp_power_uw(const struct model_dvfs_desc *d, unsigned int idx);

/* Sensors: the value now (see model_def.h for each class); temperatures are signed. */
int model_sensor_read(unsigned int id, uint64_t *value);

/* Power domains: on or off. */
int model_pd_get(unsigned int id, bool *on);
int model_pd_set(unsigned int id, bool on);

/* Reset lines: asserted or not, and how many autonomous resets (pulses) each has seen. */
int model_reset_line_get(unsigned int id, bool *asserted, uint32_t *pulses);
int model_reset_line_set(unsigned int id, bool asserted);
int model_reset_line_pulse(unsigned int id);	/* assert, then deassert */

#endif
