// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform model: state of the virtual SoC described in model_def.h.
 *
 * One lock serialises the whole model. The doorbell dispatcher guards each channel, but
 * four channels (two SCPI, two SCMI) reach the same model from different CPUs at once.
 */
#include "model.h"

#include "doorbell.h"		/* plat_time_ns() */
#include "fwstring.h"
#include "spinlock.h"

#define NS_PER_SEC	1000000000ULL

/* ---- static description, from the X-macros ---- */

#define CLOCK_DESC(id, nm, min, max, init) \
	[id] = { .name = nm, .min_hz = min, .max_hz = max, .init_hz = init },
static const struct model_clock_desc clocks[] = { MODEL_CLOCKS(CLOCK_DESC) };
#define NUM_CLOCKS	(sizeof(clocks) / sizeof(clocks[0]))

#define CLOCK_CHECK(id, nm, min, max, init) \
	_Static_assert(sizeof(nm) <= MODEL_NAME_MAX, "clock name too long"); \
	_Static_assert((min) <= (init) && (init) <= (max) && (max) <= 0xffffffffULL && (min) > 0, \
		       "clock range");
MODEL_CLOCKS(CLOCK_CHECK)

#define OPP_ENTRY(hz_, mv_)	{ .hz = hz_, .mv = mv_ },
#define OPP_CHECK(hz_, mv_) \
	_Static_assert((hz_) % 1000 == 0, "OPP must be whole kHz (SCMI level = kHz)"); \
	_Static_assert((mv_) > 0 && (mv_) < 65536, "OPP voltage");
#define OPP_TABLE(id, nm) \
	static const struct model_opp opps_##id[] = { MODEL_OPPS_##id(OPP_ENTRY) }; \
	MODEL_OPPS_##id(OPP_CHECK) \
	_Static_assert(sizeof(opps_##id) / sizeof(opps_##id[0]) >= 3 && \
		       sizeof(opps_##id) / sizeof(opps_##id[0]) <= MODEL_MAX_OPPS, "3-8 OPPs"); \
	_Static_assert(MODEL_DVFS_INIT_OPP_##id < sizeof(opps_##id) / sizeof(opps_##id[0]), \
		       "initial OPP"); \
	_Static_assert(MODEL_DVFS_LATENCY_US_##id <= 0xffff, "SCPI latency is 16 bits"); \
	_Static_assert(sizeof(nm) <= MODEL_NAME_MAX, "DVFS name too long");
MODEL_DVFS_DOMAINS(OPP_TABLE)

#define DVFS_DESC(id, nm) \
	[id] = { .name = nm, .opps = opps_##id, \
		 .opp_count = sizeof(opps_##id) / sizeof(opps_##id[0]), \
		 .latency_us = MODEL_DVFS_LATENCY_US_##id, .ceff_pf = MODEL_DVFS_CEFF_PF_##id, \
		 .init_opp = MODEL_DVFS_INIT_OPP_##id },
static const struct model_dvfs_desc dvfs[] = { MODEL_DVFS_DOMAINS(DVFS_DESC) };
#define NUM_DVFS	(sizeof(dvfs) / sizeof(dvfs[0]))

#define SENSOR_DESC(id, nm, cls)	[id] = { .name = nm, .class = cls },
static const struct model_sensor_desc sensors[] = { MODEL_SENSORS(SENSOR_DESC) };
#define NUM_SENSORS	(sizeof(sensors) / sizeof(sensors[0]))
#define SENSOR_CHECK(id, nm, cls) \
	_Static_assert(sizeof(nm) <= MODEL_NAME_MAX, "sensor name too long");
MODEL_SENSORS(SENSOR_CHECK)

struct temp_wave {
	uint32_t min_mc;
	uint32_t max_mc;
	uint64_t period_ns;
};
#define WAVE_DESC(sid, min, max, period_ms) \
	[sid] = { .min_mc = min, .max_mc = max, .period_ns = (period_ms) * 1000000ULL },
static const struct temp_wave waves[NUM_SENSORS] = { MODEL_TEMP_WAVES(WAVE_DESC) };
#define WAVE_CHECK(sid, min, max, period_ms) \
	_Static_assert((min) < (max) && (period_ms) >= 2, "temperature wave");
MODEL_TEMP_WAVES(WAVE_CHECK)

#define PD_DESC(id, nm, on, uw)	[id] = { .name = nm, .init_on = on, .on_power_uw = uw },
static const struct model_pd_desc pds[] = { MODEL_POWER_DOMAINS(PD_DESC) };
#define NUM_PDS		(sizeof(pds) / sizeof(pds[0]))
#define PD_CHECK(id, nm, on, uw) \
	_Static_assert(sizeof(nm) <= MODEL_NAME_MAX, "power domain name too long");
MODEL_POWER_DOMAINS(PD_CHECK)

#define RST_DESC(id, nm, asserted, lat) \
	[id] = { .name = nm, .init_asserted = asserted, .latency_us = lat },
static const struct model_reset_line_desc reset_lines[] = { MODEL_RESET_LINES(RST_DESC) };
#define NUM_RESET_LINES	(sizeof(reset_lines) / sizeof(reset_lines[0]))
#define RST_CHECK(id, nm, asserted, lat) \
	_Static_assert(sizeof(nm) <= MODEL_NAME_MAX, "reset line name too long");
MODEL_RESET_LINES(RST_CHECK)

_Static_assert(MODEL_SENSOR_VDD_DOMAIN < sizeof(dvfs) / sizeof(dvfs[0]), "vdd sensor domain");

/* ---- state ---- */

struct model_state {
	uint32_t clk_hz[NUM_CLOCKS];
	bool clk_on[NUM_CLOCKS];
	unsigned int opp[NUM_DVFS];
	unsigned int lim_min[NUM_DVFS];
	unsigned int lim_max[NUM_DVFS];
	bool pd_on[NUM_PDS];
	bool rst_asserted[NUM_RESET_LINES];
	uint32_t rst_pulses[NUM_RESET_LINES];
	uint64_t t_last_ns;	/* end of the last integrated interval */
	uint64_t energy_uj;	/* integral of power, whole uJ ... */
	uint64_t energy_rem;	/* ... and the remainder in uW*ns (< 10^9) */
};

#define CLK_RATE_INIT(id, nm, min, max, init)	[id] = init,
#define CLK_ON_INIT(id, nm, min, max, init)	[id] = true,
#define OPP_INIT(id, nm)			[id] = MODEL_DVFS_INIT_OPP_##id,
#define LIM_MAX_INIT(id, nm) \
	[id] = sizeof(opps_##id) / sizeof(opps_##id[0]) - 1,
#define PD_INIT(id, nm, on, uw)			[id] = on,
#define RST_INIT(id, nm, asserted, lat)		[id] = asserted,

/* The reset state, also the state at boot (t = 0): no initialisation call is needed. */
#define RESET_STATE { \
	.clk_hz = { MODEL_CLOCKS(CLK_RATE_INIT) }, \
	.clk_on = { MODEL_CLOCKS(CLK_ON_INIT) }, \
	.opp = { MODEL_DVFS_DOMAINS(OPP_INIT) }, \
	.lim_max = { MODEL_DVFS_DOMAINS(LIM_MAX_INIT) }, \
	.pd_on = { MODEL_POWER_DOMAINS(PD_INIT) }, \
	.rst_asserted = { MODEL_RESET_LINES(RST_INIT) }, \
}
static const struct model_state reset_state = RESET_STATE;
static struct model_state st = RESET_STATE;

static spinlock_t model_lock;

/* ---- descriptions ---- */

unsigned int model_clock_count(void) { return NUM_CLOCKS; }
unsigned int model_dvfs_count(void) { return NUM_DVFS; }
unsigned int model_sensor_count(void) { return NUM_SENSORS; }
unsigned int model_pd_count(void) { return NUM_PDS; }
unsigned int model_reset_line_count(void) { return NUM_RESET_LINES; }

const struct model_clock_desc *model_clock(unsigned int id)
{
	return id < NUM_CLOCKS ? &clocks[id] : NULL;
}

const struct model_dvfs_desc *model_dvfs(unsigned int id)
{
	return id < NUM_DVFS ? &dvfs[id] : NULL;
}

const struct model_sensor_desc *model_sensor(unsigned int id)
{
	return id < NUM_SENSORS ? &sensors[id] : NULL;
}

const struct model_pd_desc *model_pd(unsigned int id)
{
	return id < NUM_PDS ? &pds[id] : NULL;
}

const struct model_reset_line_desc *model_reset_line(unsigned int id)
{
	return id < NUM_RESET_LINES ? &reset_lines[id] : NULL;
}

uint64_t model_opp_power_uw(const struct model_dvfs_desc *d, unsigned int idx)
{
	const struct model_opp *o;

	if (!d || idx >= d->opp_count)
		return 0;
	o = &d->opps[idx];
	/*
	 * pF * mV^2 * Hz = 10^-18 W, so uW = ceff * mv^2 * hz / 10^12. Every OPP is whole kHz,
	 * so this is exactly ceff * mv^2 * kHz / 10^9, which cannot overflow 64 bits.
	 */
	return (uint64_t)d->ceff_pf * o->mv * o->mv * (o->hz / 1000) / 1000000000ULL;
}

/* ---- power and energy (lock held) ---- */

static uint64_t power_now(void)
{
	uint64_t uw = MODEL_STATIC_POWER_UW;
	unsigned int i;

	for (i = 0; i < NUM_DVFS; i++)
		uw += model_opp_power_uw(&dvfs[i], st.opp[i]);
	for (i = 0; i < NUM_PDS; i++)
		if (st.pd_on[i])
			uw += pds[i].on_power_uw;
	return uw;
}

/* Close the interval [t_last, now] at the power that held during it. */
static void integrate(uint64_t now)
{
	uint64_t dt, uw;

	if (now <= st.t_last_ns)
		return;		/* time never runs backwards for the model */
	dt = now - st.t_last_ns;
	st.t_last_ns = now;
	uw = power_now();
	/* uW * s = uJ; the sub-second part in uW*ns, carried exactly (< 2^64 for uw < 2^34). */
	st.energy_uj += uw * (dt / NS_PER_SEC);
	st.energy_rem += uw * (dt % NS_PER_SEC);
	st.energy_uj += st.energy_rem / NS_PER_SEC;
	st.energy_rem %= NS_PER_SEC;
}

static uint32_t triangle(const struct temp_wave *w, uint64_t t)
{
	uint64_t half = w->period_ns / 2, p = t % w->period_ns, span = w->max_mc - w->min_mc;

	if (p < half)
		return w->min_mc + (uint32_t)(span * p / half);
	if (p - half >= half)	/* odd period: the last nanosecond */
		return w->min_mc;
	return w->max_mc - (uint32_t)(span * (p - half) / half);
}

/* ---- state access ---- */

void model_reset(void)
{
	spin_lock(&model_lock);
	/* fw_memcpy: GCC would turn a struct this size into a memset/memcpy call it cannot have */
	fw_memcpy(&st, &reset_state, sizeof(st));
	st.t_last_ns = plat_time_ns();
	spin_unlock(&model_lock);
}

int model_clock_get_rate(unsigned int id, uint32_t *hz)
{
	if (id >= NUM_CLOCKS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*hz = st.clk_hz[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_clock_set_rate(unsigned int id, uint64_t hz)
{
	if (id >= NUM_CLOCKS)
		return MODEL_ENOENT;
	if (hz < clocks[id].min_hz || hz > clocks[id].max_hz)
		return MODEL_ERANGE;
	spin_lock(&model_lock);
	st.clk_hz[id] = (uint32_t)hz;
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_clock_get_enabled(unsigned int id, bool *on)
{
	if (id >= NUM_CLOCKS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*on = st.clk_on[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_clock_set_enabled(unsigned int id, bool on)
{
	if (id >= NUM_CLOCKS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	st.clk_on[id] = on;
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_dvfs_get_opp(unsigned int id, unsigned int *idx)
{
	if (id >= NUM_DVFS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*idx = st.opp[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_dvfs_set_opp(unsigned int id, unsigned int idx)
{
	int ret = MODEL_OK;

	if (id >= NUM_DVFS)
		return MODEL_ENOENT;
	if (idx >= dvfs[id].opp_count)
		return MODEL_ERANGE;
	spin_lock(&model_lock);
	if (idx < st.lim_min[id] || idx > st.lim_max[id]) {
		ret = MODEL_ERANGE;
	} else if (idx != st.opp[id]) {
		integrate(plat_time_ns());
		st.opp[id] = idx;
	}
	spin_unlock(&model_lock);
	return ret;
}

int model_dvfs_get_limits(unsigned int id, unsigned int *min_idx, unsigned int *max_idx)
{
	if (id >= NUM_DVFS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*min_idx = st.lim_min[id];
	*max_idx = st.lim_max[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_dvfs_set_limits(unsigned int id, unsigned int min_idx, unsigned int max_idx)
{
	unsigned int cur;

	if (id >= NUM_DVFS)
		return MODEL_ENOENT;
	if (min_idx > max_idx)
		return MODEL_EINVAL;
	if (max_idx >= dvfs[id].opp_count)
		return MODEL_ERANGE;
	spin_lock(&model_lock);
	st.lim_min[id] = min_idx;
	st.lim_max[id] = max_idx;
	cur = st.opp[id];
	cur = cur < min_idx ? min_idx : cur > max_idx ? max_idx : cur;
	if (cur != st.opp[id]) {
		integrate(plat_time_ns());
		st.opp[id] = cur;
	}
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_sensor_read(unsigned int id, uint64_t *value)
{
	uint64_t now;

	if (id >= NUM_SENSORS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	now = plat_time_ns();
	switch (sensors[id].class) {
	case MODEL_SENSOR_TEMPERATURE:
		*value = waves[id].period_ns ? triangle(&waves[id], now) : 0;
		break;
	case MODEL_SENSOR_VOLTAGE:
		*value = dvfs[MODEL_SENSOR_VDD_DOMAIN].opps[st.opp[MODEL_SENSOR_VDD_DOMAIN]].mv;
		break;
	case MODEL_SENSOR_POWER:
		*value = power_now();
		break;
	case MODEL_SENSOR_ENERGY:
		integrate(now);
		*value = st.energy_uj;
		break;
	default:
		*value = 0;
		break;
	}
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_pd_get(unsigned int id, bool *on)
{
	if (id >= NUM_PDS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*on = st.pd_on[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_pd_set(unsigned int id, bool on)
{
	if (id >= NUM_PDS)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	if (st.pd_on[id] != on) {
		integrate(plat_time_ns());
		st.pd_on[id] = on;
	}
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_reset_line_get(unsigned int id, bool *asserted, uint32_t *pulses)
{
	if (id >= NUM_RESET_LINES)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	*asserted = st.rst_asserted[id];
	*pulses = st.rst_pulses[id];
	spin_unlock(&model_lock);
	return MODEL_OK;
}

int model_reset_line_set(unsigned int id, bool asserted)
{
	if (id >= NUM_RESET_LINES)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	st.rst_asserted[id] = asserted;
	spin_unlock(&model_lock);
	return MODEL_OK;
}

/* The line ends deasserted, whatever it was before, as after any completed reset. */
int model_reset_line_pulse(unsigned int id)
{
	if (id >= NUM_RESET_LINES)
		return MODEL_ENOENT;
	spin_lock(&model_lock);
	st.rst_asserted[id] = false;
	st.rst_pulses[id]++;
	spin_unlock(&model_lock);
	return MODEL_OK;
}
