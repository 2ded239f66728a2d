// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests of the SCPI server (firmware/protocols/scpi) through scpi_serve(), the way the
 * doorbell dispatcher calls it: a request written at region + size/2 in the layout Linux's
 * arm_scpi.c uses, the reply read back from region + 0. One test per command and per error
 * path, plus a replay of what Linux 6.1 sends at probe and a replay of every class of
 * malformed request, each checking the status and the channel counters.
 */
#include <stdlib.h>

#include "proto_test.h"
#include "hammer.h"

#include "scpi/scpi.h"

#define REGION	0x1000
#define HALF	(REGION / 2)
#define POISON	0xa5

static uint8_t shmem[REGION];
static struct db_counters cnt;

/* Serve through @serve and count as the dispatcher does (db_count); true when a reply went out. */
static bool count_reply(struct db_reply r)
{
	db_count(&cnt, r);
	return r.sent;
}

static bool count_scpi(volatile uint8_t *mem, size_t size)
{
	return count_reply(scpi_serve(mem, size));
}

/* A region of exactly @size bytes on the heap, so ASan sees any access past its end. */
static uint8_t *small;

static uint8_t *small_region(size_t size)
{
	free(small);
	small = malloc(size ? size : 1);
	if (small)
		memset(small, POISON, size);
	return small;
}

static void test_reset_hook(void)
{
	memset(shmem, POISON, sizeof(shmem));
	memset(&cnt, 0, sizeof(cnt));
	free(small);
	small = NULL;
}

/* Write a request into @mem (a region of @size) and serve it. */
static int serve_in(uint8_t *mem, size_t size, uint32_t cmd, const void *payload, size_t len)
{
	memset(mem, POISON, size);
	put32(mem + size / 2, cmd);
	put32(mem + size / 2 + 4, 0xdeadbeef);	/* Linux leaves the request status stale */
	if (len)
		memcpy(mem + size / 2 + 8, payload, len);
	return count_scpi(mem, size);
}

static int scpi(uint8_t id, uint8_t token, const void *payload, size_t len)
{
	return serve_in(shmem, REGION, SCPI_CMD_PACK(id, token, len), payload, len);
}

#define REPLY_CMD	le32(shmem)
#define REPLY_STATUS	le32(shmem + 4)
#define REPLY_SIZE	SCPI_CMD_SIZE(REPLY_CMD)
#define REPLY		(shmem + 8)

/* The reply answers (id, token), has @status and @size payload bytes; nothing else written. */
#define EXPECT_REPLY(id, token, status, size)					\
	do {									\
		size_t i_;							\
		EXPECT_EQ(SCPI_CMD_ID(REPLY_CMD), id);				\
		EXPECT_EQ(SCPI_CMD_TOKEN(REPLY_CMD), token);			\
		EXPECT_EQ(REPLY_CMD & SCPI_CMD_RESERVED, 0);			\
		EXPECT_EQ(REPLY_STATUS, status);				\
		EXPECT_EQ(REPLY_SIZE, size);					\
		for (i_ = 8 + (size); i_ < HALF; i_++)				\
			EXPECT(shmem[i_] == POISON, "reply area byte %zu written", i_); \
	} while (0)

static uint32_t scpi_u32_cmd(uint8_t id, uint16_t arg)
{
	uint8_t p[2];

	put16(p, arg);
	scpi(id, 7, p, 2);
	return le32(REPLY);
}

/* ---- SCP_CAPABILITIES ---- */

static void scpi_capabilities_reports_versions_and_command_bitmap(void)
{
	static const uint8_t served[] = { 0x02, 0x08, 0x09, 0x0a, 0x0b, 0x0d, 0x0e, 0x0f, 0x10,
					  0x15, 0x16, 0x17, 0x1b, 0x1c };
	uint32_t want = 0;
	unsigned int i;

	EXPECT_EQ(scpi(SCPI_CMD_SCPI_CAPABILITIES, 1, NULL, 0), true);
	EXPECT_REPLY(SCPI_CMD_SCPI_CAPABILITIES, 1, SCPI_OK, 28);
	EXPECT_EQ(le32(REPLY), 0x00010002);		/* protocol 1.2 */
	EXPECT_EQ(le32(REPLY + 4), 0x00010000);		/* event 1.0 */
	EXPECT_EQ(le32(REPLY + 8), 0x01000000);		/* firmware 1.0.0 */
	for (i = 0; i < sizeof(served); i++)
		want |= 1U << served[i];
	EXPECT_EQ(le32(REPLY + 12), want);
	EXPECT_EQ(le32(REPLY + 16), 0);
	EXPECT_EQ(le32(REPLY + 20), 0);
	EXPECT_EQ(le32(REPLY + 24), 0);
	EXPECT_EQ(cnt.errors, 0);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_reply_echoes_id_and_token(void)
{
	static const uint8_t tokens[] = { 0, 1, 0x7f, 0x80, 0xff };
	unsigned int i;

	for (i = 0; i < sizeof(tokens); i++) {
		EXPECT_EQ(scpi(SCPI_CMD_SENSOR_CAPABILITIES, tokens[i], NULL, 0), true);
		EXPECT_REPLY(SCPI_CMD_SENSOR_CAPABILITIES, tokens[i], SCPI_OK, 2);
	}
	/* errors echo too */
	EXPECT_EQ(scpi(0x55, 0xab, NULL, 0), true);
	EXPECT_REPLY(0x55, 0xab, SCPI_ERR_SUPPORT, 0);
}

/* ---- DVFS ---- */

static void scpi_dvfs_capabilities_returns_domain_count(void)
{
	EXPECT_EQ(scpi(SCPI_CMD_DVFS_CAPABILITIES, 2, NULL, 0), true);
	EXPECT_REPLY(SCPI_CMD_DVFS_CAPABILITIES, 2, SCPI_OK, 1);
	EXPECT_EQ(REPLY[0], 2);
}

static void scpi_get_dvfs_info_returns_model_opps(void)
{
	static const uint32_t opps[2][5][2] = {
		{ { 450000000, 800 }, { 625000000, 850 }, { 800000000, 900 },
		  { 950000000, 950 }, { 1100000000, 1000 } },
		{ { 600000000, 820 }, { 900000000, 880 }, { 1200000000, 960 },
		  { 1500000000, 1050 }, { 1800000000, 1150 } },
	};
	static const uint16_t latency[2] = { 200, 300 };
	uint8_t d;
	unsigned int i;

	for (d = 0; d < 2; d++) {
		EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS_INFO, 3, &d, 1), true);
		EXPECT_REPLY(SCPI_CMD_GET_DVFS_INFO, 3, SCPI_OK, 4 + 5 * 8);
		EXPECT_EQ(REPLY[0], d);
		EXPECT_EQ(REPLY[1], 5);
		EXPECT_EQ(le16(REPLY + 2), latency[d]);
		for (i = 0; i < 5; i++) {
			EXPECT_EQ(le32(REPLY + 4 + 8 * i), opps[d][i][0]);
			EXPECT_EQ(le32(REPLY + 8 + 8 * i), opps[d][i][1]);
		}
	}
}

static void scpi_get_dvfs_info_bad_domain_returns_param(void)
{
	uint8_t d = 2;

	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS_INFO, 4, &d, 1), true);
	EXPECT_REPLY(SCPI_CMD_GET_DVFS_INFO, 4, SCPI_ERR_PARAM, 0);
	d = 0xff;
	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS_INFO, 4, &d, 1), true);
	EXPECT_REPLY(SCPI_CMD_GET_DVFS_INFO, 4, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 2);
}

static void scpi_set_dvfs_changes_model_opp(void)
{
	uint8_t req[2] = { 1, 4 };
	unsigned int idx;

	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 5, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 5, SCPI_OK, 0);
	EXPECT_EQ(model_dvfs_get_opp(1, &idx), MODEL_OK);
	EXPECT_EQ(idx, 4);
	EXPECT_EQ(cnt.errors, 0);
}

static void scpi_set_dvfs_out_of_range_index_returns_range(void)
{
	uint8_t req[2] = { 0, 5 };
	unsigned int idx;

	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 6, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 6, SCPI_ERR_RANGE, 0);
	req[1] = 0xff;
	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 6, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 6, SCPI_ERR_RANGE, 0);
	EXPECT_EQ(model_dvfs_get_opp(0, &idx), MODEL_OK);
	EXPECT_EQ(idx, MODEL_DVFS_INIT_OPP_0);
	EXPECT_EQ(cnt.errors, 2);
}

static void scpi_set_dvfs_outside_limits_returns_range(void)
{
	uint8_t req[2] = { 0, 0 };

	EXPECT_EQ(model_dvfs_set_limits(0, 1, 3), MODEL_OK);	/* as SCMI LIMITS_SET would */
	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 6, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 6, SCPI_ERR_RANGE, 0);
	req[1] = 3;
	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 6, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 6, SCPI_OK, 0);
}

static void scpi_set_dvfs_bad_domain_returns_param(void)
{
	uint8_t req[2] = { 2, 0 };

	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 7, req, 2), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 7, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 1);
}

static void scpi_get_dvfs_returns_model_opp_index(void)
{
	uint8_t d = 0;

	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS, 8, &d, 1), true);
	EXPECT_REPLY(SCPI_CMD_GET_DVFS, 8, SCPI_OK, 1);
	EXPECT_EQ(REPLY[0], MODEL_DVFS_INIT_OPP_0);
	EXPECT_EQ(model_dvfs_set_opp(0, 4), MODEL_OK);
	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS, 8, &d, 1), true);
	EXPECT_EQ(REPLY[0], 4);
	d = 1;
	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS, 8, &d, 1), true);
	EXPECT_EQ(REPLY[0], MODEL_DVFS_INIT_OPP_1);
}

static void scpi_get_dvfs_bad_domain_returns_param(void)
{
	uint8_t d = 9;

	EXPECT_EQ(scpi(SCPI_CMD_GET_DVFS, 9, &d, 1), true);
	EXPECT_REPLY(SCPI_CMD_GET_DVFS, 9, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 1);
}

/* ---- clocks ---- */

static void scpi_clock_capabilities_returns_clock_count(void)
{
	EXPECT_EQ(scpi(SCPI_CMD_CLOCK_CAPABILITIES, 10, NULL, 0), true);
	EXPECT_REPLY(SCPI_CMD_CLOCK_CAPABILITIES, 10, SCPI_OK, 2);
	EXPECT_EQ(le16(REPLY), model_clock_count());
	EXPECT_EQ(le16(REPLY), 4);
}

static void scpi_get_clock_info_returns_model_range_and_name(void)
{
	unsigned int i, j;

	for (i = 0; i < model_clock_count(); i++) {
		const struct model_clock_desc *c = model_clock(i);
		uint8_t p[2];

		put16(p, (uint16_t)i);
		EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_INFO, 11, p, 2), true);
		EXPECT_REPLY(SCPI_CMD_GET_CLOCK_INFO, 11, SCPI_OK, 32);
		EXPECT_EQ(le16(REPLY), i);
		EXPECT_EQ(le16(REPLY + 2), 0x3);
		EXPECT_EQ(le32(REPLY + 4), c->min_hz);
		EXPECT_EQ(le32(REPLY + 8), c->max_hz);
		EXPECT(!strcmp((const char *)REPLY + 12, c->name), "clock %u name '%.20s'", i,
		       (const char *)REPLY + 12);
		for (j = strlen(c->name); j < 20; j++)
			EXPECT(REPLY[12 + j] == 0, "clock %u name not zero-padded at %u", i, j);
	}
	EXPECT(!strcmp((const char *)REPLY + 12, "ddr_ctrl"), "last clock is ddr_ctrl");
}

static void scpi_get_clock_info_bad_id_returns_param(void)
{
	uint8_t p[2] = { 4, 0 };

	EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_INFO, 12, p, 2), true);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_INFO, 12, SCPI_ERR_PARAM, 0);
	p[0] = 0;
	p[1] = 1;					/* 256: the high byte counts */
	EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_INFO, 12, p, 2), true);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_INFO, 12, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 2);
}

static void scpi_get_clock_value_returns_model_rate(void)
{
	unsigned int i;

	for (i = 0; i < model_clock_count(); i++) {
		EXPECT_EQ(scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, (uint16_t)i),
			  model_clock(i)->init_hz);
		EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 7, SCPI_OK, 4);
	}
	EXPECT_EQ(model_clock_set_rate(3, 533000000), MODEL_OK);
	EXPECT_EQ(scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 3), 533000000);
}

static void scpi_get_clock_value_bad_id_returns_param(void)
{
	scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 4);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 7, SCPI_ERR_PARAM, 0);
	scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 0xffff);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 7, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 2);
}

static uint32_t set_clock(uint16_t id, uint32_t hz)
{
	uint8_t p[8];

	put16(p, id);
	put16(p + 2, 0);
	put32(p + 4, hz);
	scpi(SCPI_CMD_SET_CLOCK_VALUE, 13, p, sizeof(p));
	return REPLY_STATUS;
}

static void scpi_set_clock_value_sets_model_rate(void)
{
	uint32_t hz;

	EXPECT_EQ(set_clock(1, 666000001), SCPI_OK);
	EXPECT_REPLY(SCPI_CMD_SET_CLOCK_VALUE, 13, SCPI_OK, 0);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, 666000001);
	EXPECT_EQ(scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 1), 666000001);
	EXPECT_EQ(set_clock(1, 200000000), SCPI_OK);	/* min */
	EXPECT_EQ(set_clock(1, 800000000), SCPI_OK);	/* max */
	EXPECT_EQ(cnt.errors, 0);
}

static void scpi_set_clock_value_out_of_range_returns_range(void)
{
	uint32_t hz;

	EXPECT_EQ(set_clock(1, 199999999), SCPI_ERR_RANGE);
	EXPECT_REPLY(SCPI_CMD_SET_CLOCK_VALUE, 13, SCPI_ERR_RANGE, 0);
	EXPECT_EQ(set_clock(1, 800000001), SCPI_ERR_RANGE);
	EXPECT_EQ(set_clock(1, 0xffffffff), SCPI_ERR_RANGE);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, 500000000);
	EXPECT_EQ(cnt.errors, 3);
}

static void scpi_set_clock_value_zero_disables_clock(void)
{
	bool on;
	uint32_t hz;

	EXPECT_EQ(set_clock(2, 0), SCPI_OK);
	EXPECT_EQ(model_clock_get_enabled(2, &on), MODEL_OK);
	EXPECT(!on, "clock 2 still enabled");
	EXPECT_EQ(model_clock_get_rate(2, &hz), MODEL_OK);
	EXPECT_EQ(hz, 300000000);			/* the rate is kept */
	EXPECT_EQ(scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 2), 0);
	EXPECT_EQ(set_clock(2, 150000000), SCPI_OK);	/* a rate enables it again */
	EXPECT_EQ(model_clock_get_enabled(2, &on), MODEL_OK);
	EXPECT(on, "clock 2 not re-enabled");
	EXPECT_EQ(scpi_u32_cmd(SCPI_CMD_GET_CLOCK_VALUE, 2), 150000000);
}

static void scpi_set_clock_value_bad_id_returns_param(void)
{
	EXPECT_EQ(set_clock(4, 100000000), SCPI_ERR_PARAM);
	EXPECT_EQ(set_clock(4, 0), SCPI_ERR_PARAM);
	EXPECT_EQ(cnt.errors, 2);
}

/* ---- sensors ---- */

static void scpi_sensor_capabilities_returns_sensor_count(void)
{
	EXPECT_EQ(scpi(SCPI_CMD_SENSOR_CAPABILITIES, 14, NULL, 0), true);
	EXPECT_REPLY(SCPI_CMD_SENSOR_CAPABILITIES, 14, SCPI_OK, 2);
	EXPECT_EQ(le16(REPLY), 5);
}

static void scpi_sensor_info_returns_model_class_and_name(void)
{
	static const struct { const char *name; uint8_t class; } want[] = {
		{ "soc_temp", 0 }, { "big_temp", 0 }, { "vdd_big", 1 }, { "soc_power", 3 },
		{ "soc_energy", 4 },
	};
	unsigned int i, j;

	for (i = 0; i < 5; i++) {
		uint8_t p[2];

		put16(p, (uint16_t)i);
		EXPECT_EQ(scpi(SCPI_CMD_SENSOR_INFO, 15, p, 2), true);
		EXPECT_REPLY(SCPI_CMD_SENSOR_INFO, 15, SCPI_OK, 24);
		EXPECT_EQ(le16(REPLY), i);
		EXPECT_EQ(REPLY[2], want[i].class);
		EXPECT_EQ(REPLY[3], 0);
		EXPECT(!strcmp((const char *)REPLY + 4, want[i].name), "sensor %u name", i);
		for (j = strlen(want[i].name); j < 20; j++)
			EXPECT(REPLY[4 + j] == 0, "sensor %u name not zero-padded", i);
	}
}

static void scpi_sensor_info_bad_id_returns_param(void)
{
	uint8_t p[2] = { 5, 0 };

	EXPECT_EQ(scpi(SCPI_CMD_SENSOR_INFO, 16, p, 2), true);
	EXPECT_REPLY(SCPI_CMD_SENSOR_INFO, 16, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 1);
}

static uint64_t sensor(uint16_t id)
{
	uint8_t p[2];

	put16(p, id);
	scpi(SCPI_CMD_SENSOR_VALUE, 17, p, 2);
	return le64(REPLY);
}

static void scpi_sensor_value_temperature_follows_triangle_wave(void)
{
	plat_stub.time_ns = 5000000000ULL;			/* soc_temp: quarter period, mid-way */
	EXPECT_EQ(sensor(0), 45000);
	EXPECT_REPLY(SCPI_CMD_SENSOR_VALUE, 17, SCPI_OK, 8);
	plat_stub.time_ns = 4000000000ULL;			/* big_temp: half period, the top */
	EXPECT_EQ(sensor(1), 70000);
	plat_stub.time_ns = 123456789012ULL;
	EXPECT_EQ(sensor(0), expected_temp(35000, 55000, 20000, plat_stub.time_ns));
	EXPECT_EQ(sensor(1), expected_temp(40000, 70000, 8000, plat_stub.time_ns));
}

static void scpi_sensor_value_voltage_follows_big_opp(void)
{
	uint8_t req[2] = { 1, 2 };

	EXPECT_EQ(sensor(2), 880);
	scpi(SCPI_CMD_SET_DVFS, 1, req, 2);
	EXPECT_EQ(REPLY_STATUS, SCPI_OK);
	EXPECT_EQ(sensor(2), 960);
}

static void scpi_sensor_value_power_sums_opps_and_domains(void)
{
	uint8_t off[3] = { 0, 0, SCPI_PSTATE_OFF };

	EXPECT_EQ(sensor(3), 545984);
	scpi(SCPI_CMD_SET_DEVICE_PWR_STATE, 1, off, 3);
	EXPECT_EQ(REPLY_STATUS, SCPI_OK);
	EXPECT_EQ(sensor(3), 545984 - 120000);
}

static void scpi_sensor_value_energy_integrates_power(void)
{
	EXPECT_EQ(sensor(4), 0);
	plat_stub.time_ns = 3000000000ULL;
	EXPECT_EQ(sensor(4), 3 * 545984);
}

static void scpi_sensor_value_bad_id_returns_param(void)
{
	sensor(5);
	EXPECT_REPLY(SCPI_CMD_SENSOR_VALUE, 17, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 1);
}

/* ---- device power states ---- */

static uint32_t set_pstate(uint16_t id, uint8_t state)
{
	uint8_t p[3];

	put16(p, id);
	p[2] = state;
	scpi(SCPI_CMD_SET_DEVICE_PWR_STATE, 18, p, 3);
	return REPLY_STATUS;
}

static int get_pstate(uint16_t id)
{
	uint8_t p[2];

	put16(p, id);
	scpi(SCPI_CMD_GET_DEVICE_PWR_STATE, 19, p, 2);
	return REPLY_STATUS ? -(int)REPLY_STATUS : REPLY[0];
}

static void scpi_get_device_pwr_state_returns_model_state(void)
{
	EXPECT_EQ(get_pstate(0), SCPI_PSTATE_ON);
	EXPECT_REPLY(SCPI_CMD_GET_DEVICE_PWR_STATE, 19, SCPI_OK, 1);
	EXPECT_EQ(get_pstate(1), SCPI_PSTATE_OFF);
}

static void scpi_set_device_pwr_state_off_then_on(void)
{
	bool on;

	EXPECT_EQ(set_pstate(0, SCPI_PSTATE_OFF), SCPI_OK);
	EXPECT_REPLY(SCPI_CMD_SET_DEVICE_PWR_STATE, 18, SCPI_OK, 0);
	EXPECT_EQ(model_pd_get(0, &on), MODEL_OK);
	EXPECT(!on, "gpu still on");
	EXPECT_EQ(get_pstate(0), SCPI_PSTATE_OFF);
	EXPECT_EQ(set_pstate(1, SCPI_PSTATE_ON), SCPI_OK);
	EXPECT_EQ(get_pstate(1), SCPI_PSTATE_ON);
	EXPECT_EQ(set_pstate(1, SCPI_PSTATE_ON), SCPI_OK);	/* idempotent */
	EXPECT_EQ(cnt.errors, 0);
}

static void scpi_set_device_pwr_state_invalid_state_returns_pwrstate(void)
{
	static const uint8_t bad[] = { 1, 2, 4, 0xff };
	unsigned int i;

	for (i = 0; i < sizeof(bad); i++) {
		EXPECT_EQ(set_pstate(0, bad[i]), SCPI_ERR_PWRSTATE);
		EXPECT_REPLY(SCPI_CMD_SET_DEVICE_PWR_STATE, 18, SCPI_ERR_PWRSTATE, 0);
	}
	EXPECT_EQ(get_pstate(0), SCPI_PSTATE_ON);
	EXPECT_EQ(cnt.errors, 4);
}

static void scpi_set_device_pwr_state_bad_id_returns_param(void)
{
	EXPECT_EQ(set_pstate(2, SCPI_PSTATE_ON), SCPI_ERR_PARAM);
	EXPECT_EQ(set_pstate(0x100, SCPI_PSTATE_OFF), SCPI_ERR_PARAM);
	EXPECT_EQ(cnt.errors, 2);
}

static void scpi_get_device_pwr_state_bad_id_returns_param(void)
{
	EXPECT_EQ(get_pstate(2), -SCPI_ERR_PARAM);
	EXPECT_REPLY(SCPI_CMD_GET_DEVICE_PWR_STATE, 19, SCPI_ERR_PARAM, 0);
	EXPECT_EQ(cnt.errors, 1);
}

/* ---- Linux 6.1 at probe ---- */

/*
 * What arm_scpi, clk-scpi (dvfs clocks 0 and 1 and variable clocks 0..3), scpi-hwmon,
 * scpi-cpufreq and scpi_pm_domain send while probing and at late init, in order, with
 * the request sizes Linux uses; every reply must be OK and carry what Linux reads.
 */
static void scpi_linux_probe_sequence_succeeds(void)
{
	uint8_t p[8];
	unsigned int i;

	EXPECT_EQ(scpi(SCPI_CMD_SCPI_CAPABILITIES, 1, NULL, 0), true);
	EXPECT_REPLY(SCPI_CMD_SCPI_CAPABILITIES, 1, SCPI_OK, 28);
	for (i = 0; i < 2; i++) {		/* clk-scpi dvfs: info, then recalc_rate */
		p[0] = (uint8_t)i;
		scpi(SCPI_CMD_GET_DVFS_INFO, 2, p, 1);
		EXPECT_REPLY(SCPI_CMD_GET_DVFS_INFO, 2, SCPI_OK, 44);
		EXPECT(REPLY[1] > 0 && REPLY[1] <= 16, "opp_count %u", REPLY[1]);
		scpi(SCPI_CMD_GET_DVFS, 3, p, 1);
		EXPECT_REPLY(SCPI_CMD_GET_DVFS, 3, SCPI_OK, 1);
		EXPECT(REPLY[0] < 5, "index %u", REPLY[0]);
	}
	for (i = 0; i < 4; i++) {		/* clk-scpi variable: range must have max != 0 */
		put16(p, (uint16_t)i);
		scpi(SCPI_CMD_GET_CLOCK_INFO, 4, p, 2);
		EXPECT_REPLY(SCPI_CMD_GET_CLOCK_INFO, 4, SCPI_OK, 32);
		EXPECT(le32(REPLY + 8) != 0, "clock %u max 0", i);
		scpi(SCPI_CMD_GET_CLOCK_VALUE, 5, p, 2);
		EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 5, SCPI_OK, 4);
	}
	scpi(SCPI_CMD_SENSOR_CAPABILITIES, 6, NULL, 0);	/* scpi-hwmon */
	EXPECT_REPLY(SCPI_CMD_SENSOR_CAPABILITIES, 6, SCPI_OK, 2);
	for (i = 0; i < le16(REPLY); i++) {
		uint16_t n = le16(REPLY);

		put16(p, (uint16_t)i);
		scpi(SCPI_CMD_SENSOR_INFO, 7, p, 2);
		EXPECT_REPLY(SCPI_CMD_SENSOR_INFO, 7, SCPI_OK, 24);
		EXPECT(REPLY[2] <= 4, "sensor %u class %u", i, REPLY[2]);
		scpi(SCPI_CMD_SENSOR_VALUE, 8, p, 2);
		EXPECT_REPLY(SCPI_CMD_SENSOR_VALUE, 8, SCPI_OK, 8);
		scpi(SCPI_CMD_SENSOR_CAPABILITIES, 6, NULL, 0);
		EXPECT_EQ(le16(REPLY), n);
	}
	for (i = 0; i < 2; i++) {		/* genpd powers unused domains off at late init */
		put16(p, (uint16_t)i);
		p[2] = SCPI_PSTATE_OFF;
		scpi(SCPI_CMD_SET_DEVICE_PWR_STATE, 9, p, 3);
		EXPECT_REPLY(SCPI_CMD_SET_DEVICE_PWR_STATE, 9, SCPI_OK, 0);
		scpi(SCPI_CMD_GET_DEVICE_PWR_STATE, 10, p, 2);
		EXPECT_REPLY(SCPI_CMD_GET_DEVICE_PWR_STATE, 10, SCPI_OK, 1);
		EXPECT_EQ(REPLY[0], SCPI_PSTATE_OFF);	/* scpi_pd_power() checks it */
	}
	EXPECT_EQ(cnt.errors, 0);
	EXPECT_EQ(cnt.malformed, 0);
}

/* ---- malformed requests and error paths ---- */

static void scpi_unknown_command_returns_support(void)
{
	static const uint8_t ids[] = { 0x00, SCPI_CMD_SCPI_READY, SCPI_CMD_SET_CSS_PWR_STATE,
				       SCPI_CMD_GET_DVFS_STAT, SCPI_CMD_GET_PSU,
				       SCPI_CMD_SENSOR_CFG_PERIODIC, SCPI_CMD_COUNT, 0x7f };
	unsigned int i;

	for (i = 0; i < sizeof(ids); i++) {
		EXPECT_EQ(scpi(ids[i], 20, NULL, 0), true);
		EXPECT_REPLY(ids[i], 20, SCPI_ERR_SUPPORT, 0);
	}
	EXPECT_EQ(cnt.errors, sizeof(ids));
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_short_request_returns_size(void)
{
	uint8_t p[8] = { 0 };

	EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_VALUE, 21, p, 1), true);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 21, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(scpi(SCPI_CMD_SET_CLOCK_VALUE, 21, p, 7), true);
	EXPECT_REPLY(SCPI_CMD_SET_CLOCK_VALUE, 21, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(scpi(SCPI_CMD_SET_DVFS, 21, p, 0), true);
	EXPECT_REPLY(SCPI_CMD_SET_DVFS, 21, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_oversized_request_returns_size(void)
{
	uint8_t p[SCPI_PAYLOAD_MAX] = { 0 };

	EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_VALUE, 22, p, 3), true);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 22, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(scpi(SCPI_CMD_SCPI_CAPABILITIES, 22, p, 4), true);
	EXPECT_REPLY(SCPI_CMD_SCPI_CAPABILITIES, 22, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(scpi(SCPI_CMD_GET_CLOCK_VALUE, 22, p, SCPI_PAYLOAD_MAX), true);
	EXPECT_REPLY(SCPI_CMD_GET_CLOCK_VALUE, 22, SCPI_ERR_SIZE, 0);
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
}

/* The 9-bit size field cannot wrap, but in a small region it can point past the end. */
static void scpi_size_past_region_end_returns_size(void)
{
	uint8_t *mem = small_region(64);	/* exactly 64 bytes: ASan catches any read past it */
	uint8_t p[40] = { 0 };
	int rc;

	EXPECT(mem, "malloc");
	rc = serve_in(mem, 64, SCPI_CMD_PACK(SCPI_CMD_GET_CLOCK_VALUE, 23, 25), p, 24);
	EXPECT_EQ(rc, true);
	EXPECT_EQ(le32(mem), SCPI_CMD_PACK(SCPI_CMD_GET_CLOCK_VALUE, 23, 0));
	EXPECT_EQ(le32(mem + 4), SCPI_ERR_SIZE);
	rc = serve_in(mem, 64, SCPI_CMD_PACK(SCPI_CMD_GET_CLOCK_VALUE, 23, 0x1ff), p, 24);
	EXPECT_EQ(le32(mem + 4), SCPI_ERR_SIZE);
	EXPECT_EQ(cnt.errors, 2);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_reserved_header_bits_return_param(void)
{
	/* bit 7, and a pre-1.0 command word (size in bits 28:20) */
	static const uint32_t words[] = {
		SCPI_CMD_PACK(SCPI_CMD_SENSOR_CAPABILITIES, 24, 0) | 0x80,
		SCPI_CMD_PACK(SCPI_CMD_SENSOR_CAPABILITIES, 24, 0) | 0x80000000U,
		SCPI_CMD_SENSOR_CAPABILITIES | 24U << 8 | 2U << 20 | 0x10000000U,
	};
	unsigned int i;

	for (i = 0; i < 3; i++) {
		EXPECT_EQ(serve_in(shmem, REGION, words[i], NULL, 0), true);
		EXPECT_REPLY(SCPI_CMD_SENSOR_CAPABILITIES, 24, SCPI_ERR_PARAM, 0);
	}
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_region_too_small_is_malformed(void)
{
	uint8_t *mem = small_region(SCPI_MIN_REGION - 1);
	size_t i;

	EXPECT(mem, "malloc");
	memset(mem, POISON, SCPI_MIN_REGION - 1);
	EXPECT_EQ(count_scpi(mem, SCPI_MIN_REGION - 1), false);
	for (i = 0; i < SCPI_MIN_REGION - 1; i++)
		EXPECT(mem[i] == POISON, "byte %zu written", i);
	EXPECT_EQ(count_scpi(mem, 0), false);
	EXPECT_EQ(count_scpi(NULL, REGION), false);
	EXPECT_EQ(cnt.malformed, 3);
	EXPECT_EQ(cnt.errors, 0);
}

static void scpi_smallest_region_is_served(void)
{
	uint8_t *mem = small_region(SCPI_MIN_REGION);
	int rc;

	EXPECT(mem, "malloc");
	rc = serve_in(mem, SCPI_MIN_REGION, SCPI_CMD_PACK(SCPI_CMD_DVFS_CAPABILITIES, 25, 0),
		      NULL, 0);
	EXPECT_EQ(rc, true);
	EXPECT_EQ(le32(mem + 4), SCPI_ERR_SIZE);	/* 1 reply byte, no room in 8+8 */
	EXPECT_EQ(cnt.malformed, 0);
}

static void scpi_reply_too_big_for_region_returns_size(void)
{
	uint8_t *mem = small_region(64);	/* 24 bytes of reply payload room */
	uint8_t p[2] = { 0, 0 };
	int rc;

	EXPECT(mem, "malloc");
	rc = serve_in(mem, 64, SCPI_CMD_PACK(SCPI_CMD_GET_CLOCK_INFO, 26, 2), p, 2);
	EXPECT_EQ(rc, true);
	EXPECT_EQ(le32(mem + 4), SCPI_ERR_SIZE);
	rc = serve_in(mem, 64, SCPI_CMD_PACK(SCPI_CMD_GET_CLOCK_VALUE, 26, 2), p, 2);
	EXPECT_EQ(le32(mem + 4), SCPI_OK);		/* a small reply still fits */
	EXPECT_EQ(le32(mem + 8), 400000000);
}

static void scpi_request_half_is_never_written(void)
{
	uint8_t p[2] = { 1, 0 };
	size_t i;

	scpi(SCPI_CMD_GET_DVFS_INFO, 27, p, 1);
	EXPECT_EQ(le32(shmem + HALF), SCPI_CMD_PACK(SCPI_CMD_GET_DVFS_INFO, 27, 1));
	EXPECT_EQ(le32(shmem + HALF + 4), 0xdeadbeef);
	EXPECT_EQ(shmem[HALF + 8], 1);
	for (i = HALF + 9; i < REGION; i++)
		EXPECT(shmem[i] == POISON, "request half byte %zu written", i);
}

static void scpi_both_channels_share_the_model(void)
{
	static uint8_t high[REGION];
	uint8_t req[2] = { 0, 0 };
	int rc;

	rc = serve_in(high, REGION, SCPI_CMD_PACK(SCPI_CMD_SET_DVFS, 28, 2), req, 2);
	EXPECT_EQ(rc, true);
	EXPECT_EQ(le32(high + 4), SCPI_OK);
	scpi(SCPI_CMD_GET_DVFS, 29, req, 1);
	EXPECT_REPLY(SCPI_CMD_GET_DVFS, 29, SCPI_OK, 1);
	EXPECT_EQ(REPLY[0], 0);
}

static void scpi_counters_count_errors_only(void)
{
	uint8_t d = 0;

	scpi(SCPI_CMD_GET_DVFS, 30, &d, 1);
	scpi(SCPI_CMD_SCPI_CAPABILITIES, 30, NULL, 0);
	EXPECT_EQ(cnt.errors, 0);
	scpi(0x60, 30, NULL, 0);			/* SUPPORT */
	d = 7;
	scpi(SCPI_CMD_GET_DVFS, 30, &d, 1);		/* PARAM */
	scpi(SCPI_CMD_GET_DVFS, 30, NULL, 0);		/* SIZE */
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
	EXPECT_EQ(cnt.served, 5);			/* every reply, error replies included */
}

/* ---- a second CPU rewrites the region while it is served (hammer.h) ---- */

#define HAMMER_SERVES	200000
#define HAMMER_WRITES	400000

/* Every request invalid: command bit 7 (reserved) stays set. */
static uint8_t shape_bad(size_t off, uint8_t b)
{
	return off % HALF == 0 ? b | 0x80 : b;
}

/* Mostly requests that reach a handler: a known command ID, sizes 0..11, reserved clear. */
static uint8_t shape_plausible(size_t off, uint8_t b)
{
	if (b < 0x08)
		return b;			/* and now and then anything */
	switch (off % HALF) {
	case 0:
		return b % SCPI_CMD_COUNT;
	case 2:
		return b % 12;
	case 3:
		return 0;
	default:
		return b;
	}
}

/* Known commands, reserved bits clear, sizes 0..319: in a 64-byte region most run past it. */
static uint8_t shape_small(size_t off, uint8_t b)
{
	switch (off % 32) {
	case 0:
		return b % SCPI_CMD_COUNT;
	case 2:
		return b & 0x3f;
	case 3:
		return b & 0x01;
	default:
		return b;
	}
}

static unsigned long serve_hammered(uint8_t *mem, size_t size, struct hammer *h,
				    unsigned long rc[2])
{
	uint64_t s = h->seed + 1000;
	unsigned long i;

	rc[0] = rc[1] = 0;
	h->mem = mem;
	if (hammer_start(h))
		return 0;
	for (i = 0; hammer_more(h, i, HAMMER_SERVES, HAMMER_WRITES); i++) {
		hammer_poke(h, &s, 4);
		rc[count_scpi(mem, size) == true ? 0 : 1]++;
	}
	return hammer_stop(h);
}

static void scpi_region_rewritten_while_served_bad_requests(void)
{
	struct hammer h = { .from = HALF, .len = SCPI_HDR_SIZE + SCPI_PAYLOAD_MAX,
			    .shape = shape_bad, .seed = 1 };
	unsigned long rc[2], writes;

	serve_in(shmem, REGION, SCPI_CMD_PACK(SCPI_CMD_SENSOR_CAPABILITIES, 1, 0) | 0x80, NULL, 0);
	memset(&cnt, 0, sizeof(cnt));
	writes = serve_hammered(shmem, REGION, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[1], 0);				/* a 4 KiB region always gets a reply */
	EXPECT_EQ(cnt.errors, rc[0]);			/* every one a protocol error */
	EXPECT_EQ(cnt.malformed, 0);
	printf("   (scpi bad requests: %lu served, %lu bytes rewritten meanwhile)\n", rc[0], writes);
}

static void scpi_region_rewritten_while_served_plausible_requests(void)
{
	struct hammer h = { .from = HALF, .len = SCPI_HDR_SIZE + 8, .shape = shape_plausible,
			    .seed = 2 };
	unsigned long rc[2], writes;

	memset(shmem, 0, sizeof(shmem));
	writes = serve_hammered(shmem, REGION, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[1], 0);
	EXPECT(cnt.errors < rc[0], "no request was served successfully: the shape is wrong");
	printf("   (scpi plausible requests: %lu served, %llu of them errors, %lu bytes rewritten)\n",
	       rc[0], (unsigned long long)cnt.errors, writes);
}

static void scpi_small_region_rewritten_while_served(void)
{
	uint8_t *mem = small_region(64);	/* ASan: not one byte past it */
	struct hammer h = { .from = 32, .len = 32, .shape = shape_small, .seed = 3 };
	unsigned long rc[2], writes;

	EXPECT(mem, "malloc");
	writes = serve_hammered(mem, 64, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[1], 0);
	EXPECT(cnt.errors > 0 && cnt.errors < rc[0], "%llu errors of %lu",
	       (unsigned long long)cnt.errors, rc[0]);
}

int main(void)
{
	static const struct test_case tests[] = {
		TEST_CASE(scpi_capabilities_reports_versions_and_command_bitmap),
		TEST_CASE(scpi_reply_echoes_id_and_token),
		TEST_CASE(scpi_dvfs_capabilities_returns_domain_count),
		TEST_CASE(scpi_get_dvfs_info_returns_model_opps),
		TEST_CASE(scpi_get_dvfs_info_bad_domain_returns_param),
		TEST_CASE(scpi_set_dvfs_changes_model_opp),
		TEST_CASE(scpi_set_dvfs_out_of_range_index_returns_range),
		TEST_CASE(scpi_set_dvfs_outside_limits_returns_range),
		TEST_CASE(scpi_set_dvfs_bad_domain_returns_param),
		TEST_CASE(scpi_get_dvfs_returns_model_opp_index),
		TEST_CASE(scpi_get_dvfs_bad_domain_returns_param),
		TEST_CASE(scpi_clock_capabilities_returns_clock_count),
		TEST_CASE(scpi_get_clock_info_returns_model_range_and_name),
		TEST_CASE(scpi_get_clock_info_bad_id_returns_param),
		TEST_CASE(scpi_get_clock_value_returns_model_rate),
		TEST_CASE(scpi_get_clock_value_bad_id_returns_param),
		TEST_CASE(scpi_set_clock_value_sets_model_rate),
		TEST_CASE(scpi_set_clock_value_out_of_range_returns_range),
		TEST_CASE(scpi_set_clock_value_zero_disables_clock),
		TEST_CASE(scpi_set_clock_value_bad_id_returns_param),
		TEST_CASE(scpi_sensor_capabilities_returns_sensor_count),
		TEST_CASE(scpi_sensor_info_returns_model_class_and_name),
		TEST_CASE(scpi_sensor_info_bad_id_returns_param),
		TEST_CASE(scpi_sensor_value_temperature_follows_triangle_wave),
		TEST_CASE(scpi_sensor_value_voltage_follows_big_opp),
		TEST_CASE(scpi_sensor_value_power_sums_opps_and_domains),
		TEST_CASE(scpi_sensor_value_energy_integrates_power),
		TEST_CASE(scpi_sensor_value_bad_id_returns_param),
		TEST_CASE(scpi_get_device_pwr_state_returns_model_state),
		TEST_CASE(scpi_set_device_pwr_state_off_then_on),
		TEST_CASE(scpi_set_device_pwr_state_invalid_state_returns_pwrstate),
		TEST_CASE(scpi_set_device_pwr_state_bad_id_returns_param),
		TEST_CASE(scpi_get_device_pwr_state_bad_id_returns_param),
		TEST_CASE(scpi_linux_probe_sequence_succeeds),
		TEST_CASE(scpi_unknown_command_returns_support),
		TEST_CASE(scpi_short_request_returns_size),
		TEST_CASE(scpi_oversized_request_returns_size),
		TEST_CASE(scpi_size_past_region_end_returns_size),
		TEST_CASE(scpi_reserved_header_bits_return_param),
		TEST_CASE(scpi_region_too_small_is_malformed),
		TEST_CASE(scpi_smallest_region_is_served),
		TEST_CASE(scpi_reply_too_big_for_region_returns_size),
		TEST_CASE(scpi_request_half_is_never_written),
		TEST_CASE(scpi_both_channels_share_the_model),
		TEST_CASE(scpi_counters_count_errors_only),
		TEST_CASE(scpi_region_rewritten_while_served_bad_requests),
		TEST_CASE(scpi_region_rewritten_while_served_plausible_requests),
		TEST_CASE(scpi_small_region_rewritten_while_served),
	};

	int rc = run_proto_tests(tests, sizeof(tests) / sizeof(tests[0]));

	free(small);
	return rc;
}
