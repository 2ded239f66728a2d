// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's SCMI server on the host, behind the same message format as Linux's SCMI
 * raw mode (Documentation/ABI/testing/debugfs-scmi-raw): a request is the header and the
 * payload, a reply is the header, the status and the payload. So scmi-raw.sh, written for
 * /sys/kernel/debug/scmi/<n>/raw/message on 6.12-debug, also runs here against the server's
 * current code (tests/guest/scmi-raw/host-check): its expectations are checked without a
 * kernel, and a change of the server shows up in it at once.
 *
 * stdin: one request a line, as hex 32-bit words (header first);
 * stdout: one reply a line, the same way; a line is flushed as soon as it is written.
 * The request goes through scmi_serve() on a channel-sized shared memory region laid out as
 * Linux's arm_scmi/shmem.c writes it; the platform model keeps its state across requests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doorbell.h"
#include "model/model.h"
#include "scmi/scmi.h"

#define REGION 0x1000

uint64_t plat_time_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(void)
{
	static uint8_t shmem[REGION];
	char line[4096];

	model_reset();
	scmi_channel_init(shmem, sizeof(shmem));
	while (fgets(line, sizeof(line), stdin)) {
		uint32_t words[64], len, i;
		unsigned int n = 0;
		char *p = line, *end;

		while (n < 64) {
			unsigned long v = strtoul(p, &end, 16);

			if (end == p)
				break;
			words[n++] = (uint32_t)v;
			p = end;
		}
		if (!n) {
			puts("error: no header");
			fflush(stdout);
			continue;
		}
		memset(shmem, 0xa5, sizeof(shmem));
		put32(shmem + SMT_CHANNEL_STATUS, 0);
		put32(shmem + SMT_FLAGS, 1);
		put32(shmem + SMT_LENGTH, 4 * n);
		for (i = 0; i < n; i++)
			put32(shmem + SMT_HEADER + 4 * i, words[i]);
		if (!scmi_serve(shmem, sizeof(shmem)).sent) {
			puts("error: malformed");
			fflush(stdout);
			continue;
		}
		/* length = 4 (header) + 4 (status) + payload */
		len = get32(shmem + SMT_LENGTH);
		printf("%08x", get32(shmem + SMT_HEADER));
		for (i = 4; i + 4 <= len; i += 4)
			printf(" %08x", get32(shmem + SMT_HEADER + i));
		putchar('\n');
		fflush(stdout);
	}
	return 0;
}
