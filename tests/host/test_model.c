// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests of the platform model (firmware/protocols/model) and the freestanding string
 * helpers (firmware/lib/fwstring.c). Expected values are computed here from model_def.h's
 * documented formulas, or written out by hand, not taken from model.c.
 */
#include "proto_test.h"

#include "fwstring.h"

static void test_reset_hook(void) { }

/* ---- the tables ---- */

static void model_tables_are_well_formed(void)
{
	unsigned int i, j, temps = 0, volts = 0, powers = 0, energies = 0;

	EXPECT(model_clock_count() >= 4, "need at least 4 clocks, have %u", model_clock_count());
	EXPECT_EQ(model_dvfs_count(), 2);
	EXPECT_EQ(model_pd_count(), 2);
	for (i = 0; i < model_clock_count(); i++) {
		const struct model_clock_desc *c = model_clock(i);

		EXPECT(c && c->name, "clock %u has no entry (IDs must be contiguous)", i);
		EXPECT(strlen(c->name) < MODEL_NAME_MAX, "clock %u name too long", i);
		EXPECT(c->min_hz <= c->init_hz && c->init_hz <= c->max_hz && c->min_hz < c->max_hz,
		       "clock %u range", i);
		for (j = 0; j < i; j++)
			EXPECT(strcmp(model_clock(j)->name, c->name), "clock name %s twice", c->name);
	}
	for (i = 0; i < model_dvfs_count(); i++) {
		const struct model_dvfs_desc *d = model_dvfs(i);

		EXPECT(d && d->name && strlen(d->name) < MODEL_NAME_MAX, "DVFS %u name", i);
		EXPECT(d->opp_count >= 3 && d->opp_count <= 8, "DVFS %u: %u OPPs", i, d->opp_count);
		EXPECT(d->init_opp < d->opp_count, "DVFS %u initial OPP", i);
		EXPECT(d->latency_us > 0 && d->latency_us <= 0xffff, "DVFS %u latency", i);
		for (j = 0; j < d->opp_count; j++) {
			EXPECT(d->opps[j].hz % 1000 == 0, "DVFS %u OPP %u not whole kHz", i, j);
			EXPECT(d->opps[j].mv > 0, "DVFS %u OPP %u voltage", i, j);
			if (j)
				EXPECT(d->opps[j].hz > d->opps[j - 1].hz,
				       "DVFS %u OPPs not sorted by frequency at %u", i, j);
		}
	}
	for (i = 0; i < model_sensor_count(); i++) {
		const struct model_sensor_desc *s = model_sensor(i);

		EXPECT(s && s->name && strlen(s->name) < MODEL_NAME_MAX, "sensor %u name", i);
		temps += s->class == MODEL_SENSOR_TEMPERATURE;
		volts += s->class == MODEL_SENSOR_VOLTAGE;
		powers += s->class == MODEL_SENSOR_POWER;
		energies += s->class == MODEL_SENSOR_ENERGY;
	}
	EXPECT(temps == 2 && volts == 1 && powers == 1 && energies == 1,
	       "sensors: %u temperatures, %u voltages, %u power, %u energy", temps, volts,
	       powers, energies);
	for (i = 0; i < model_pd_count(); i++)
		EXPECT(model_pd(i) && model_pd(i)->name && strlen(model_pd(i)->name) < MODEL_NAME_MAX,
		       "power domain %u name", i);
}

static void model_descriptions_return_null_past_the_end(void)
{
	EXPECT(!model_clock(model_clock_count()), "clock past the end");
	EXPECT(!model_dvfs(model_dvfs_count()), "DVFS past the end");
	EXPECT(!model_sensor(model_sensor_count()), "sensor past the end");
	EXPECT(!model_pd(model_pd_count()), "power domain past the end");
	EXPECT(!model_clock(0xffffffffU), "clock 0xffffffff");
}

/* ---- clocks ---- */

static void model_clock_starts_at_init_rate_enabled(void)
{
	unsigned int i;

	for (i = 0; i < model_clock_count(); i++) {
		uint32_t hz;
		bool on;

		EXPECT_EQ(model_clock_get_rate(i, &hz), MODEL_OK);
		EXPECT_EQ(hz, model_clock(i)->init_hz);
		EXPECT_EQ(model_clock_get_enabled(i, &on), MODEL_OK);
		EXPECT(on, "clock %u starts disabled", i);
	}
}

static void model_clock_set_rate_accepts_bounds_rejects_outside(void)
{
	const struct model_clock_desc *c = model_clock(1);
	uint32_t hz;

	EXPECT_EQ(model_clock_set_rate(1, c->min_hz), MODEL_OK);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, c->min_hz);
	EXPECT_EQ(model_clock_set_rate(1, c->max_hz), MODEL_OK);
	EXPECT_EQ(model_clock_set_rate(1, c->min_hz + 1234567), MODEL_OK);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, c->min_hz + 1234567);
	EXPECT_EQ(model_clock_set_rate(1, c->min_hz - 1), MODEL_ERANGE);
	EXPECT_EQ(model_clock_set_rate(1, (uint64_t)c->max_hz + 1), MODEL_ERANGE);
	EXPECT_EQ(model_clock_set_rate(1, 0x100000000ULL + c->min_hz), MODEL_ERANGE);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, c->min_hz + 1234567);
}

static void model_clock_disable_keeps_rate(void)
{
	uint32_t hz;
	bool on;

	EXPECT_EQ(model_clock_set_rate(2, 123000000), MODEL_OK);
	EXPECT_EQ(model_clock_set_enabled(2, false), MODEL_OK);
	EXPECT_EQ(model_clock_get_enabled(2, &on), MODEL_OK);
	EXPECT(!on, "still enabled");
	EXPECT_EQ(model_clock_get_rate(2, &hz), MODEL_OK);
	EXPECT_EQ(hz, 123000000);
	EXPECT_EQ(model_clock_set_enabled(2, true), MODEL_OK);
	EXPECT_EQ(model_clock_get_enabled(2, &on), MODEL_OK);
	EXPECT(on, "not re-enabled");
}

static void model_clock_bad_id_is_enoent(void)
{
	unsigned int n = model_clock_count();
	uint32_t hz;
	bool on;

	EXPECT_EQ(model_clock_get_rate(n, &hz), MODEL_ENOENT);
	EXPECT_EQ(model_clock_set_rate(n, model_clock(0)->init_hz), MODEL_ENOENT);
	EXPECT_EQ(model_clock_get_enabled(n, &on), MODEL_ENOENT);
	EXPECT_EQ(model_clock_set_enabled(0xffffffffU, true), MODEL_ENOENT);
}

/* ---- DVFS ---- */

static void model_dvfs_starts_at_init_opp_with_full_limits(void)
{
	unsigned int i, idx, lo, hi;

	for (i = 0; i < model_dvfs_count(); i++) {
		EXPECT_EQ(model_dvfs_get_opp(i, &idx), MODEL_OK);
		EXPECT_EQ(idx, model_dvfs(i)->init_opp);
		EXPECT_EQ(model_dvfs_get_limits(i, &lo, &hi), MODEL_OK);
		EXPECT_EQ(lo, 0);
		EXPECT_EQ(hi, model_dvfs(i)->opp_count - 1);
	}
	EXPECT_EQ(model_dvfs(0)->init_opp, MODEL_DVFS_INIT_OPP_0);
	EXPECT_EQ(model_dvfs(1)->init_opp, MODEL_DVFS_INIT_OPP_1);
}

static void model_dvfs_set_opp_checks_index(void)
{
	unsigned int idx, n = model_dvfs(1)->opp_count;

	EXPECT_EQ(model_dvfs_set_opp(1, n - 1), MODEL_OK);
	EXPECT_EQ(model_dvfs_get_opp(1, &idx), MODEL_OK);
	EXPECT_EQ(idx, n - 1);
	EXPECT_EQ(model_dvfs_set_opp(1, 0), MODEL_OK);
	EXPECT_EQ(model_dvfs_set_opp(1, n), MODEL_ERANGE);
	EXPECT_EQ(model_dvfs_set_opp(1, 0xffffffffU), MODEL_ERANGE);
	EXPECT_EQ(model_dvfs_get_opp(1, &idx), MODEL_OK);
	EXPECT_EQ(idx, 0);
	EXPECT_EQ(model_dvfs_set_opp(2, 0), MODEL_ENOENT);
	EXPECT_EQ(model_dvfs_get_opp(2, &idx), MODEL_ENOENT);
}

static void model_dvfs_limits_clamp_current_opp(void)
{
	unsigned int idx, lo, hi;

	EXPECT_EQ(model_dvfs_set_opp(0, 4), MODEL_OK);
	EXPECT_EQ(model_dvfs_set_limits(0, 1, 2), MODEL_OK);
	EXPECT_EQ(model_dvfs_get_opp(0, &idx), MODEL_OK);
	EXPECT_EQ(idx, 2);
	EXPECT_EQ(model_dvfs_get_limits(0, &lo, &hi), MODEL_OK);
	EXPECT(lo == 1 && hi == 2, "limits %u..%u", lo, hi);
	EXPECT_EQ(model_dvfs_set_limits(0, 3, 4), MODEL_OK);
	EXPECT_EQ(model_dvfs_get_opp(0, &idx), MODEL_OK);
	EXPECT_EQ(idx, 3);
	EXPECT_EQ(model_dvfs_set_opp(0, 2), MODEL_ERANGE);
	EXPECT_EQ(model_dvfs_set_opp(0, 4), MODEL_OK);
}

static void model_dvfs_limits_reject_bad_ranges(void)
{
	unsigned int lo, hi;

	EXPECT_EQ(model_dvfs_set_limits(0, 3, 2), MODEL_EINVAL);
	EXPECT_EQ(model_dvfs_set_limits(0, 0, model_dvfs(0)->opp_count), MODEL_ERANGE);
	EXPECT_EQ(model_dvfs_set_limits(5, 0, 1), MODEL_ENOENT);
	EXPECT_EQ(model_dvfs_get_limits(5, &lo, &hi), MODEL_ENOENT);
	EXPECT_EQ(model_dvfs_get_limits(0, &lo, &hi), MODEL_OK);
	EXPECT(lo == 0 && hi == model_dvfs(0)->opp_count - 1, "limits changed by a rejected call");
}

static void model_opp_power_matches_formula(void)
{
	/* ceff_pf * mv^2 * hz / 10^12 uW, by hand. */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(0), 0), 43200);	/* 150 pF, 800 mV, 450 MHz */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(0), 2), 97200);	/* 150 pF, 900 mV, 800 MHz */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(0), 3), 128606);	/* 128606.25 truncated */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(1), 1), 278784);	/* 400 pF, 880 mV, 900 MHz */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(1), 4), 952200);	/* 400 pF, 1150 mV, 1.8 GHz */
	EXPECT_EQ(model_opp_power_uw(model_dvfs(1), 5), 0);
	EXPECT_EQ(model_opp_power_uw(NULL, 0), 0);
}

/* ---- sensors ---- */

static void model_temperature_follows_triangle_wave(void)
{
	static const struct { unsigned int id; uint32_t min, max; uint64_t period_ms; } w[] = {
		{ 0, 35000, 55000, 20000 },
		{ 1, 40000, 70000, 8000 },
	};
	unsigned int i;
	uint64_t v;

	for (i = 0; i < 2; i++) {
		uint64_t period = w[i].period_ms * 1000000ULL;

		plat_stub.time_ns = 0;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, w[i].min);
		plat_stub.time_ns = period / 4;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, (w[i].min + w[i].max) / 2);
		plat_stub.time_ns = period / 2;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, w[i].max);
		plat_stub.time_ns = period / 2 + period / 4;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, (w[i].min + w[i].max) / 2);
		plat_stub.time_ns = 7 * period;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, w[i].min);
		plat_stub.time_ns = 3 * period + 1234567891ULL;
		EXPECT_EQ(model_sensor_read(w[i].id, &v), MODEL_OK);
		EXPECT_EQ(v, expected_temp(w[i].min, w[i].max, w[i].period_ms, plat_stub.time_ns));
	}
}

static void model_temperature_stays_in_range(void)
{
	uint64_t t, v;

	for (t = 0; t < 100ULL * 1000000000ULL; t += 7777777ULL) {
		plat_stub.time_ns = t;
		EXPECT_EQ(model_sensor_read(0, &v), MODEL_OK);
		EXPECT(v >= 35000 && v <= 55000, "soc_temp %llu at t=%llu", (unsigned long long)v,
		       (unsigned long long)t);
		EXPECT_EQ(model_sensor_read(1, &v), MODEL_OK);
		EXPECT(v >= 40000 && v <= 70000, "big_temp %llu at t=%llu", (unsigned long long)v,
		       (unsigned long long)t);
	}
}

static void model_voltage_sensor_follows_big_opp(void)
{
	uint64_t v;

	EXPECT_EQ(model_sensor_read(2, &v), MODEL_OK);
	EXPECT_EQ(v, 880);	/* domain 1 starts at OPP 1: 900 MHz, 880 mV */
	EXPECT_EQ(model_dvfs_set_opp(1, 4), MODEL_OK);
	EXPECT_EQ(model_sensor_read(2, &v), MODEL_OK);
	EXPECT_EQ(v, 1150);
	EXPECT_EQ(model_dvfs_set_opp(0, 0), MODEL_OK);	/* the other domain does not matter */
	EXPECT_EQ(model_sensor_read(2, &v), MODEL_OK);
	EXPECT_EQ(v, 1150);
}

static void model_power_sums_static_opps_and_domains(void)
{
	uint64_t v;

	/* 50000 static + 97200 (little OPP 2) + 278784 (big OPP 1) + 120000 (gpu on) */
	EXPECT_EQ(model_sensor_read(3, &v), MODEL_OK);
	EXPECT_EQ(v, 545984);
	EXPECT_EQ(model_pd_set(1, true), MODEL_OK);		/* vpu on: + 80000 */
	EXPECT_EQ(model_pd_set(0, false), MODEL_OK);		/* gpu off: - 120000 */
	EXPECT_EQ(model_dvfs_set_opp(1, 4), MODEL_OK);		/* big 952200 */
	EXPECT_EQ(model_sensor_read(3, &v), MODEL_OK);
	EXPECT_EQ(v, 50000 + 97200 + 952200 + 80000);
}

static void model_energy_integrates_power_piecewise(void)
{
	uint64_t v;

	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 0);
	plat_stub.time_ns = 1000000000ULL;			/* 1 s at 545984 uW */
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 545984);
	EXPECT_EQ(model_dvfs_set_opp(1, 4), MODEL_OK);	/* from t = 1 s: 1219400 uW */
	plat_stub.time_ns = 1500000000ULL;			/* + 0.5 s * 1219400 = 609700 */
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 545984 + 609700);
	EXPECT_EQ(model_pd_set(0, false), MODEL_OK);	/* from 1.5 s: 1099400 uW */
	plat_stub.time_ns = 3500000000ULL;			/* + 2 s * 1099400 */
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 545984 + 609700 + 2 * 1099400);
}

static void model_energy_carries_sub_microjoule_remainder(void)
{
	uint64_t v, t;

	/*
	 * 545984 uW for 1 us is 0.545984 uJ: reading every microsecond must lose nothing, so
	 * after 1 ms the counter says 545 (545.984 truncated) and after 2 s exactly 2 * 545984.
	 */
	plat_stub.time_ns = 1000;
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 0);
	for (t = 2; t <= 1000; t++) {
		plat_stub.time_ns = t * 1000;
		EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	}
	EXPECT_EQ(v, 545);
	plat_stub.time_ns = 2000000000ULL;
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 2 * 545984);
}

static void model_energy_ignores_time_going_backwards(void)
{
	uint64_t v;

	plat_stub.time_ns = 2000000000ULL;
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 2 * 545984);
	plat_stub.time_ns = 1000000000ULL;
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 2 * 545984);
	plat_stub.time_ns = 3000000000ULL;
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 3 * 545984);
}

static void model_reset_restores_state_and_restarts_energy(void)
{
	uint64_t v;
	uint32_t hz;
	unsigned int idx;
	bool on;

	EXPECT_EQ(model_clock_set_rate(0, model_clock(0)->min_hz), MODEL_OK);
	EXPECT_EQ(model_clock_set_enabled(0, false), MODEL_OK);
	EXPECT_EQ(model_dvfs_set_limits(1, 2, 3), MODEL_OK);
	EXPECT_EQ(model_pd_set(1, true), MODEL_OK);
	plat_stub.time_ns = 5000000000ULL;
	model_reset();
	EXPECT_EQ(model_clock_get_rate(0, &hz), MODEL_OK);
	EXPECT_EQ(hz, model_clock(0)->init_hz);
	EXPECT_EQ(model_clock_get_enabled(0, &on), MODEL_OK);
	EXPECT(on, "clock 0 still disabled");
	EXPECT_EQ(model_dvfs_get_opp(1, &idx), MODEL_OK);
	EXPECT_EQ(idx, MODEL_DVFS_INIT_OPP_1);
	EXPECT_EQ(model_dvfs_set_opp(1, 0), MODEL_OK);	/* limits are back to the full table */
	EXPECT_EQ(model_pd_get(1, &on), MODEL_OK);
	EXPECT(!on, "vpu still on");
	EXPECT_EQ(model_sensor_read(4, &v), MODEL_OK);
	EXPECT_EQ(v, 0);
}

static void model_sensor_bad_id_is_enoent(void)
{
	uint64_t v = 42;

	EXPECT_EQ(model_sensor_read(model_sensor_count(), &v), MODEL_ENOENT);
	EXPECT_EQ(model_sensor_read(0xffffffffU, &v), MODEL_ENOENT);
	EXPECT_EQ(v, 42);
}

/* ---- power domains ---- */

static void model_power_domains_start_gpu_on_vpu_off(void)
{
	bool on;

	EXPECT_EQ(model_pd_get(0, &on), MODEL_OK);
	EXPECT(on, "gpu off at reset");
	EXPECT_EQ(model_pd_get(1, &on), MODEL_OK);
	EXPECT(!on, "vpu on at reset");
}

static void model_power_domain_set_get_and_bad_id(void)
{
	bool on;

	EXPECT_EQ(model_pd_set(0, false), MODEL_OK);
	EXPECT_EQ(model_pd_get(0, &on), MODEL_OK);
	EXPECT(!on, "gpu still on");
	EXPECT_EQ(model_pd_set(0, false), MODEL_OK);	/* idempotent */
	EXPECT_EQ(model_pd_set(2, true), MODEL_ENOENT);
	EXPECT_EQ(model_pd_get(2, &on), MODEL_ENOENT);
}

/* ---- fwstring ---- */

static void fwstring_name_field_terminates_and_zero_pads(void)
{
	uint8_t f[8];

	memset(f, 0xa5, sizeof(f));
	fw_name_field(f, sizeof(f), "abc");
	EXPECT(!memcmp(f, "abc\0\0\0\0\0", 8), "short name not padded");
	fw_name_field(f, sizeof(f), "abcdefghijk");
	EXPECT(!memcmp(f, "abcdefg\0", 8), "long name not cut and terminated");
	fw_name_field(f, 0, "x");
	EXPECT_EQ(f[0], 'a');
}

static void fwstring_memcpy_and_le_accessors(void)
{
	uint8_t a[8], b[8];

	fw_put_le64(a, 0x0807060504030201ULL);
	fw_memcpy(b, a, sizeof(a));
	EXPECT(b[0] == 1 && b[7] == 8, "little-endian store");
	EXPECT_EQ(fw_get_le16(b + 1), 0x0302);
	EXPECT_EQ(fw_get_le32(b + 3), 0x07060504);
	EXPECT_EQ(fw_get_le64(b), 0x0807060504030201ULL);
}

int main(void)
{
	static const struct test_case tests[] = {
		TEST_CASE(model_tables_are_well_formed),
		TEST_CASE(model_descriptions_return_null_past_the_end),
		TEST_CASE(model_clock_starts_at_init_rate_enabled),
		TEST_CASE(model_clock_set_rate_accepts_bounds_rejects_outside),
		TEST_CASE(model_clock_disable_keeps_rate),
		TEST_CASE(model_clock_bad_id_is_enoent),
		TEST_CASE(model_dvfs_starts_at_init_opp_with_full_limits),
		TEST_CASE(model_dvfs_set_opp_checks_index),
		TEST_CASE(model_dvfs_limits_clamp_current_opp),
		TEST_CASE(model_dvfs_limits_reject_bad_ranges),
		TEST_CASE(model_opp_power_matches_formula),
		TEST_CASE(model_temperature_follows_triangle_wave),
		TEST_CASE(model_temperature_stays_in_range),
		TEST_CASE(model_voltage_sensor_follows_big_opp),
		TEST_CASE(model_power_sums_static_opps_and_domains),
		TEST_CASE(model_energy_integrates_power_piecewise),
		TEST_CASE(model_energy_carries_sub_microjoule_remainder),
		TEST_CASE(model_energy_ignores_time_going_backwards),
		TEST_CASE(model_reset_restores_state_and_restarts_energy),
		TEST_CASE(model_sensor_bad_id_is_enoent),
		TEST_CASE(model_power_domains_start_gpu_on_vpu_off),
		TEST_CASE(model_power_domain_set_get_and_bad_id),
		TEST_CASE(fwstring_name_field_terminates_and_zero_pads),
		TEST_CASE(fwstring_memcpy_and_le_accessors),
	};

	return run_proto_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
