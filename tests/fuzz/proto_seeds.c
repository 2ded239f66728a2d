// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCPI and SCMI fuzzers' seeds (tests/fuzz/corpus/{scpi,scmi}), written from the
 * protocol headers (scpi.h, scmi.h) and the model (model_def.h), as smccc_seeds.c writes the
 * dispatcher's: a command, message or protocol ID that moves there moves here too.
 * tools/fuzz --smoke checks that the committed seeds are what this program writes;
 * "make -C tests fuzz-corpus" rewrites them.
 *
 *   proto_seeds scpi|scmi DIR        (writes one file per seed into DIR)
 *
 * Each seed is one input of tests/fuzz/region_fuzz.h: le16 region size, le64 time of the
 * first message (ns), le32 step (ns), then {le16 n, n bytes} per message. Every seed here
 * uses a 4 KiB region, t = 1 s and a 1 ms step. An SCPI message is what arm_scpi writes at
 * region + size/2 (le32 command, le32 status, payload); an SCMI message what arm_scmi writes
 * at SMT_LENGTH (le32 length, le32 header, payload). The seeds only have to reach each
 * command once with valid arguments; libFuzzer mutates them.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model/model_def.h"
#include "scmi/scmi.h"
#include "scpi/scpi.h"
#include "seed_file.h"

#define REGION_SIZE	0x1000
#define T0_NS		1000000000ULL
#define STEP_NS		1000000U

#define LE16(v)		(uint8_t)(v), (uint8_t)((v) >> 8)
#define LE32(v)		LE16((v) & 0xffff), LE16((uint32_t)(v) >> 16)

/* An SCPI request with the payload bytes given, or an SCMI command with le32 arguments. */
#define SCPI(cmd, token, ...) \
	scpi_msg(cmd, token, (const uint8_t[]){ __VA_ARGS__ }, \
		 sizeof((const uint8_t[]){ __VA_ARGS__ }))
#define SCMI(proto, msg, token, ...) \
	scmi_msg(proto, msg, token, (const uint32_t[]){ __VA_ARGS__ }, \
		 sizeof((const uint32_t[]){ __VA_ARGS__ }) / 4)

/* DVFS domain 0's performance levels (kHz), the values SCMI's perf protocol speaks. */
#define OPP_KHZ(hz, mv)	(hz) / 1000,
static const uint32_t dvfs0_khz[] = { MODEL_OPPS_0(OPP_KHZ) };
#define DVFS0_TOP	(sizeof(dvfs0_khz) / sizeof(dvfs0_khz[0]) - 1)

#define CLOCK_RATE	300000000U	/* inside clock 1's range (model_def.h) */
#define ENERGY_SENSOR	4		/* soc_energy */

/* The region and the clock: the start of every seed. */
static void start(void)
{
	seed_put_le(REGION_SIZE, 2);
	seed_put_le(T0_NS, 8);
	seed_put_le(STEP_NS, 4);
}

static void scpi_msg(uint32_t cmd, uint32_t token, const uint8_t *payload, size_t n)
{
	seed_put_le(SCPI_HDR_SIZE + n, 2);
	seed_put_le(SCPI_CMD_PACK(cmd, token, n), 4);
	seed_put_le(0, 4);					/* status: the AP leaves 0 */
	seed_put(payload, n);
}

static void scmi_msg(uint32_t proto, uint32_t msg, uint32_t token, const uint32_t *args,
		     size_t n)
{
	size_t i;

	seed_put_le(8 + 4 * n, 2);
	seed_put_le(4 + 4 * n, 4);				/* length: header + payload */
	seed_put_le(SCMI_HDR_PACK(msg, SCMI_TYPE_COMMAND, proto, token), 4);
	for (i = 0; i < n; i++)
		seed_put_le(args[i], 4);
}

static void scpi_seeds(const char *dir)
{
	start();
	scpi_msg(SCPI_CMD_SCPI_CAPABILITIES, 1, NULL, 0);
	seed_emit(dir, "capabilities");

	start();
	SCPI(SCPI_CMD_GET_CLOCK_VALUE, 2, LE16(1));
	seed_emit(dir, "get-clock-value");

	start();
	SCPI(SCPI_CMD_SET_CLOCK_VALUE, 3, LE16(1), LE16(0), LE32(CLOCK_RATE));
	seed_emit(dir, "set-clock-value");

	start();
	SCPI(SCPI_CMD_GET_DVFS_INFO, 4, 1);
	seed_emit(dir, "get-dvfs-info");

	start();
	SCPI(SCPI_CMD_SET_DVFS, 5, 1, 4);
	SCPI(SCPI_CMD_GET_DVFS, 6, 1);
	seed_emit(dir, "set-then-get-dvfs");

	start();
	SCPI(SCPI_CMD_SENSOR_INFO, 7, LE16(0));
	SCPI(SCPI_CMD_SENSOR_VALUE, 8, LE16(ENERGY_SENSOR));
	seed_emit(dir, "sensor-info-and-value");

	start();
	SCPI(SCPI_CMD_SET_DEVICE_PWR_STATE, 9, LE16(0), SCPI_PSTATE_OFF);
	SCPI(SCPI_CMD_GET_DEVICE_PWR_STATE, 10, LE16(0));
	seed_emit(dir, "power-off-then-get");
}

static void scmi_seeds(const char *dir)
{
	start();
	scmi_msg(SCMI_PROTO_BASE, SCMI_MSG_PROTOCOL_VERSION, 1, NULL, 0);
	seed_emit(dir, "base-version");

	start();
	SCMI(SCMI_PROTO_BASE, SCMI_BASE_DISCOVER_LIST_PROTOCOLS, 1, 0);
	seed_emit(dir, "base-list-protocols");

	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_DESCRIBE_LEVELS, 2, 1, 0);
	seed_emit(dir, "perf-describe-levels");

	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LEVEL_SET, 2, 0, dvfs0_khz[DVFS0_TOP]);
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LEVEL_GET, 3, 0);
	seed_emit(dir, "perf-level-set-then-get");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_RATE_SET, 3, 0, 1, CLOCK_RATE, 0);
	seed_emit(dir, "clock-rate-set");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_DESCRIBE_RATES, 6, 2, 0);
	seed_emit(dir, "clock-describe-rates");

	start();
	SCMI(SCMI_PROTO_SENSOR, SCMI_SENSOR_DESCRIPTION_GET, 4, 0);
	SCMI(SCMI_PROTO_SENSOR, SCMI_SENSOR_READING_GET, 4, ENERGY_SENSOR, 0);
	seed_emit(dir, "sensor-describe-and-read");

	start();
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_STATE_SET, 5, 0, 0, SCMI_POWER_STATE_OFF);
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_STATE_GET, 5, 0);
	seed_emit(dir, "power-off-then-get");

	/* Limits [OPP 1, OPP 3] of domain 0: {domain, max level, min level}. */
	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LIMITS_SET, 3, 0, dvfs0_khz[3], dvfs0_khz[1]);
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LIMITS_GET, 3, 0);
	seed_emit(dir, "perf-limits-set-then-get");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_CONFIG_SET, 1, 2, 0);
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_ATTRIBUTES, 1, 2);
	seed_emit(dir, "clock-disable-then-attributes");

	start();
	SCMI(SCMI_PROTO_BASE, SCMI_BASE_DISCOVER_AGENT, 1, 0xffffffffU);
	SCMI(SCMI_PROTO_BASE, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 1,
	     SCMI_BASE_DISCOVER_LIST_PROTOCOLS);
	seed_emit(dir, "base-agent-and-message-attributes");

	start();
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_DOMAIN_ATTRIBUTES, 1, 1);
	seed_emit(dir, "power-domain-attributes");

	start();
	scmi_msg(SCMI_PROTO_RESET, SCMI_MSG_PROTOCOL_ATTRIBUTES, 1, NULL, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_DOMAIN_ATTRIBUTES, 1, 1);
	seed_emit(dir, "reset-attributes");

	/* Line 0 asserted, deasserted, then line 2 reset autonomously: {domain, flags, state}. */
	start();
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 1, 0, SCMI_RESET_FLAG_ASSERT, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 2, 0, 0, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 3, 2, SCMI_RESET_FLAG_AUTONOMOUS, 0);
	seed_emit(dir, "reset-assert-deassert-autonomous");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "scpi"))
		scpi_seeds(argv[2]);
	else if (argc == 3 && !strcmp(argv[1], "scmi"))
		scmi_seeds(argv[2]);
	else {
		fprintf(stderr, "usage: proto_seeds scpi|scmi DIR\n");
		return 2;
	}
	return 0;
}
