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
#include <stdlib.h>
#include <string.h>

#include "model/model_def.h"
#include "scmi/scmi.h"
#include "scpi/scpi.h"

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

static uint8_t seed[512];
static size_t seed_len;

static void put(const uint8_t *p, size_t n)
{
	if (seed_len + n > sizeof(seed)) {
		fprintf(stderr, "proto_seeds: a seed outgrew %zu bytes\n", sizeof(seed));
		exit(1);
	}
	memcpy(seed + seed_len, p, n);
	seed_len += n;
}

static void put_le(uint64_t v, unsigned int bytes)
{
	uint8_t b[8];
	unsigned int i;

	for (i = 0; i < bytes; i++)
		b[i] = (uint8_t)(v >> 8 * i);
	put(b, bytes);
}

/* The region and the clock: the start of every seed. */
static void start(void)
{
	seed_len = 0;
	put_le(REGION_SIZE, 2);
	put_le(T0_NS, 8);
	put_le(STEP_NS, 4);
}

static void scpi_msg(uint32_t cmd, uint32_t token, const uint8_t *payload, size_t n)
{
	put_le(SCPI_HDR_SIZE + n, 2);
	put_le(SCPI_CMD_PACK(cmd, token, n), 4);
	put_le(0, 4);					/* status: the AP leaves 0 */
	put(payload, n);
}

static void scmi_msg(uint32_t proto, uint32_t msg, uint32_t token, const uint32_t *args,
		     size_t n)
{
	size_t i;

	put_le(8 + 4 * n, 2);
	put_le(4 + 4 * n, 4);				/* length: header + payload */
	put_le(SCMI_HDR_PACK(msg, SCMI_TYPE_COMMAND, proto, token), 4);
	for (i = 0; i < n; i++)
		put_le(args[i], 4);
}

static void emit(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(seed, 1, seed_len, f) != seed_len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void scpi_seeds(const char *dir)
{
	start();
	scpi_msg(SCPI_CMD_SCPI_CAPABILITIES, 1, NULL, 0);
	emit(dir, "capabilities");

	start();
	SCPI(SCPI_CMD_GET_CLOCK_VALUE, 2, LE16(1));
	emit(dir, "get-clock-value");

	start();
	SCPI(SCPI_CMD_SET_CLOCK_VALUE, 3, LE16(1), LE16(0), LE32(CLOCK_RATE));
	emit(dir, "set-clock-value");

	start();
	SCPI(SCPI_CMD_GET_DVFS_INFO, 4, 1);
	emit(dir, "get-dvfs-info");

	start();
	SCPI(SCPI_CMD_SET_DVFS, 5, 1, 4);
	SCPI(SCPI_CMD_GET_DVFS, 6, 1);
	emit(dir, "set-then-get-dvfs");

	start();
	SCPI(SCPI_CMD_SENSOR_INFO, 7, LE16(0));
	SCPI(SCPI_CMD_SENSOR_VALUE, 8, LE16(ENERGY_SENSOR));
	emit(dir, "sensor-info-and-value");

	start();
	SCPI(SCPI_CMD_SET_DEVICE_PWR_STATE, 9, LE16(0), SCPI_PSTATE_OFF);
	SCPI(SCPI_CMD_GET_DEVICE_PWR_STATE, 10, LE16(0));
	emit(dir, "power-off-then-get");
}

static void scmi_seeds(const char *dir)
{
	start();
	scmi_msg(SCMI_PROTO_BASE, SCMI_MSG_PROTOCOL_VERSION, 1, NULL, 0);
	emit(dir, "base-version");

	start();
	SCMI(SCMI_PROTO_BASE, SCMI_BASE_DISCOVER_LIST_PROTOCOLS, 1, 0);
	emit(dir, "base-list-protocols");

	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_DESCRIBE_LEVELS, 2, 1, 0);
	emit(dir, "perf-describe-levels");

	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LEVEL_SET, 2, 0, dvfs0_khz[DVFS0_TOP]);
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LEVEL_GET, 3, 0);
	emit(dir, "perf-level-set-then-get");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_RATE_SET, 3, 0, 1, CLOCK_RATE, 0);
	emit(dir, "clock-rate-set");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_DESCRIBE_RATES, 6, 2, 0);
	emit(dir, "clock-describe-rates");

	start();
	SCMI(SCMI_PROTO_SENSOR, SCMI_SENSOR_DESCRIPTION_GET, 4, 0);
	SCMI(SCMI_PROTO_SENSOR, SCMI_SENSOR_READING_GET, 4, ENERGY_SENSOR, 0);
	emit(dir, "sensor-describe-and-read");

	start();
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_STATE_SET, 5, 0, 0, SCMI_POWER_STATE_OFF);
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_STATE_GET, 5, 0);
	emit(dir, "power-off-then-get");

	/* Limits [OPP 1, OPP 3] of domain 0: {domain, max level, min level}. */
	start();
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LIMITS_SET, 3, 0, dvfs0_khz[3], dvfs0_khz[1]);
	SCMI(SCMI_PROTO_PERF, SCMI_PERF_LIMITS_GET, 3, 0);
	emit(dir, "perf-limits-set-then-get");

	start();
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_CONFIG_SET, 1, 2, 0);
	SCMI(SCMI_PROTO_CLOCK, SCMI_CLOCK_ATTRIBUTES, 1, 2);
	emit(dir, "clock-disable-then-attributes");

	start();
	SCMI(SCMI_PROTO_BASE, SCMI_BASE_DISCOVER_AGENT, 1, 0xffffffffU);
	SCMI(SCMI_PROTO_BASE, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 1,
	     SCMI_BASE_DISCOVER_LIST_PROTOCOLS);
	emit(dir, "base-agent-and-message-attributes");

	start();
	SCMI(SCMI_PROTO_POWER, SCMI_POWER_DOMAIN_ATTRIBUTES, 1, 1);
	emit(dir, "power-domain-attributes");

	start();
	scmi_msg(SCMI_PROTO_RESET, SCMI_MSG_PROTOCOL_ATTRIBUTES, 1, NULL, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_DOMAIN_ATTRIBUTES, 1, 1);
	emit(dir, "reset-attributes");

	/* Line 0 asserted, deasserted, then line 2 reset autonomously: {domain, flags, state}. */
	start();
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 1, 0, SCMI_RESET_FLAG_ASSERT, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 2, 0, 0, 0);
	SCMI(SCMI_PROTO_RESET, SCMI_RESET_RESET, 3, 2, SCMI_RESET_FLAG_AUTONOMOUS, 0);
	emit(dir, "reset-assert-deassert-autonomous");
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
