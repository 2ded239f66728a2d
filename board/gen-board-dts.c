// SPDX-License-Identifier: BSD-3-Clause
/*
 * Print the board's device-tree nodes (DTS source, "/ { ... };" form) for Linux, from the
 * same description the firmware builds its doorbell table from (board.h, model_def.h).
 *
 *   gen-board-dts --conduit smc|hvc --cpus N [--arch arm64|arm]
 *   gen-board-dts --model-env         (the model as shell variables, for guest tests)
 *
 * The runner appends this to QEMU's own tree; the firmware then adds /psci, enable-method
 * and /reserved-memory at boot. Labels defined here (scpi, scmi, scpi_mbox, scmi_mbox, ...)
 * are the ones --dt fragments may use; the README lists them.
 *
 * --arch arm: the tree is for a 32-bit kernel, an AArch32 caller, which can make SMC32 calls
 * only (SMCCC 2.5: the firmware refuses SMC64 IDs from AArch32). The nodes are the same; the
 * generator refuses a board whose doorbells would need SMC64, rather than write a tree whose
 * every mailbox the driver then refuses at probe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "model_def.h"

struct channel {
	const char *label;
	const char *dt_name;
	unsigned int fid;
	unsigned int offset;
	unsigned int size;
	enum board_service service;
};

#define CHANNEL_ENTRY(id, dt_name, fid, off, sz, svc) { #id, dt_name, fid, off, sz, svc },
static const struct channel channels[] = { BOARD_CHANNELS(CHANNEL_ENTRY) };
#define NUM_CHANNELS (sizeof(channels) / sizeof(channels[0]))

static const struct channel *channel(const char *label)
{
	unsigned int i;

	for (i = 0; i < NUM_CHANNELS; i++)
		if (!strcmp(channels[i].label, label))
			return &channels[i];
	fprintf(stderr, "gen-board-dts: board.h has no channel '%s'\n", label);
	exit(1);
}

static void shmem_nodes(void)
{
	static const char *const compat[] = {
		[SERVICE_SCPI] = "arm,scp-shmem",
		[SERVICE_SCMI] = "arm,scmi-shmem",
		[SERVICE_ECHO] = NULL,
	};
	unsigned int i;

	printf("\tsram@%llx {\n", BOARD_SHMEM_BASE);
	printf("\t\tcompatible = \"mmio-sram\";\n");
	printf("\t\treg = <0x0 0x%llx 0x0 0x%llx>;\n", BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE);
	printf("\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n");
	printf("\t\tranges = <0 0x0 0x%llx 0x%llx>;\n\n", BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE);
	for (i = 0; i < NUM_CHANNELS; i++) {
		const struct channel *ch = &channels[i];

		if (!compat[ch->service] || !ch->size)
			continue;
		printf("\t\t%s_shmem: %s-shmem@%x {\n", ch->label, ch->dt_name, ch->offset);
		printf("\t\t\tcompatible = \"%s\";\n", compat[ch->service]);
		printf("\t\t\treg = <0x%x 0x%x>;\n\t\t};\n", ch->offset, ch->size);
	}
	printf("\t};\n\n");
}

static void mailbox_nodes(const char *conduit)
{
	const struct channel *lo = channel("scpi_low"), *hi = channel("scpi_high");
	int hvc = !strcmp(conduit, "hvc");

	/* The original multi-channel form: one controller, a function ID per channel. */
	printf("\t\tscpi_mbox: mailbox-scpi {\n");
	printf("\t\t\tcompatible = \"arm,smc-mbox\";\n");
	printf("\t\t\t#mbox-cells = <1>;\n");
	printf("\t\t\tarm,func-ids = <0x%x 0x%x>;\n", lo->fid, hi->fid);
	printf("\t\t\tmethod = \"%s\";\n\t\t};\n\n", conduit);

	/* The single-channel form: one controller per channel, conduit in the compatible. */
	printf("\t\tscmi_mbox: mailbox-scmi {\n");
	printf("\t\t\tcompatible = \"%s\";\n", hvc ? "arm,hvc-mbox" : "arm,smc-mbox");
	printf("\t\t\t#mbox-cells = <0>;\n");
	printf("\t\t\tarm,func-id = <0x%x>;\n\t\t};\n\n", channel("scmi_a2p")->fid);
}

static void scpi_node(void)
{
	printf("\t\tscpi: scpi {\n");
	printf("\t\t\tcompatible = \"arm,scpi\";\n");
	printf("\t\t\tmboxes = <&scpi_mbox 0>, <&scpi_mbox 1>;\n");
	printf("\t\t\tshmem = <&scpi_low_shmem>, <&scpi_high_shmem>;\n\n");
	printf("\t\t\tclocks {\n\t\t\t\tcompatible = \"arm,scpi-clocks\";\n\n");
	/* DVFS clocks are indexed by DVFS domain, variable clocks by SCPI clock ID. */
	printf("\t\t\t\tscpi_dvfs: clocks-0 {\n");
	printf("\t\t\t\t\tcompatible = \"arm,scpi-dvfs-clocks\";\n");
	printf("\t\t\t\t\t#clock-cells = <1>;\n");
	printf("\t\t\t\t\tclock-indices = <0>");
#define DVFS_INDEX(id, name) if (id) printf(", <%d>", id);
	MODEL_DVFS_DOMAINS(DVFS_INDEX)
	printf(";\n\t\t\t\t\tclock-output-names = ");
#define DVFS_NAME(id, name) printf("%s\"scpi-%s\"", id ? ", " : "", name);
	MODEL_DVFS_DOMAINS(DVFS_NAME)
	printf(";\n\t\t\t\t};\n\n");
	printf("\t\t\t\tscpi_clk: clocks-1 {\n");
	printf("\t\t\t\t\tcompatible = \"arm,scpi-variable-clocks\";\n");
	printf("\t\t\t\t\t#clock-cells = <1>;\n");
	printf("\t\t\t\t\tclock-indices = <0>");
#define CLK_INDEX(id, name, min, max, init) if (id) printf(", <%d>", id);
	MODEL_CLOCKS(CLK_INDEX)
	printf(";\n\t\t\t\t\tclock-output-names = ");
#define CLK_NAME(id, name, min, max, init) printf("%s\"scpi-%s\"", id ? ", " : "", name);
	MODEL_CLOCKS(CLK_NAME)
	printf(";\n\t\t\t\t};\n\t\t\t};\n\n");
	printf("\t\t\tscpi_sensors: sensors {\n");
	printf("\t\t\t\tcompatible = \"arm,scpi-sensors\";\n");
	printf("\t\t\t\t#thermal-sensor-cells = <1>;\n\t\t\t};\n\n");
	printf("\t\t\tscpi_pd: power-controller {\n");
	printf("\t\t\t\tcompatible = \"arm,scpi-power-domains\";\n");
#define PD_COUNT(id, name, on, uw) + 1
	printf("\t\t\t\tnum-domains = <%d>;\n", 0 MODEL_POWER_DOMAINS(PD_COUNT));
	printf("\t\t\t\t#power-domain-cells = <1>;\n\t\t\t};\n\t\t};\n\n");
}

static void scmi_node(void)
{
	printf("\t\tscmi: scmi {\n");
	printf("\t\t\tcompatible = \"arm,scmi\";\n");
	printf("\t\t\tmboxes = <&scmi_mbox>;\n");
	printf("\t\t\tmbox-names = \"tx\";\n");
	printf("\t\t\tshmem = <&scmi_a2p_shmem>;\n");
	printf("\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <0>;\n\n");
	printf("\t\t\tscmi_pd: protocol@11 {\n\t\t\t\treg = <0x11>;\n");
	printf("\t\t\t\t#power-domain-cells = <1>;\n\t\t\t};\n\n");
	printf("\t\t\tscmi_perf: protocol@13 {\n\t\t\t\treg = <0x13>;\n");
	printf("\t\t\t\t#power-domain-cells = <1>;\n\t\t\t};\n\n");
	printf("\t\t\tscmi_clk: protocol@14 {\n\t\t\t\treg = <0x14>;\n");
	printf("\t\t\t\t#clock-cells = <1>;\n\t\t\t};\n\n");
	printf("\t\t\tscmi_sensors: protocol@15 {\n\t\t\t\treg = <0x15>;\n");
	printf("\t\t\t\t#thermal-sensor-cells = <1>;\n\t\t\t};\n\n");
	printf("\t\t\tscmi_reset: protocol@16 {\n\t\t\t\treg = <0x16>;\n");
	printf("\t\t\t\t#reset-cells = <1>;\n\t\t\t};\n\t\t};\n");
}

/*
 * The SCMI reset domain's test device: every reset line of the model, by name, for the
 * guest's reset client (tests/guest/modules/resetclient), which drives them through Linux's
 * reset API. A root block of its own, so it needs nothing from the nodes above but the label.
 *
 * It is also the consumer of the power domain the firmware starts powered on, as a board's
 * device tree names the device that uses a domain the firmware leaves on. Without one,
 * Linux powers the domain off once it has booted (drivers/base/power/domain.c,
 * genpd_power_off_unused(), a late_initcall_sync: "Power off all PM domains with no devices
 * in use"), which a kernel with SCMI and the mailbox built in does, and a kernel that loads
 * the mailbox as a module after that initcall does not. With the consumer bound (the platform
 * bus attaches a device to its one power domain and powers it on; the reset client keeps no
 * runtime PM, so it stays in use), the domain is on in both, which is what a board with the
 * device has.
 */
#define PD_ON(id, name, on, uw) + (on)
_Static_assert((0 MODEL_POWER_DOMAINS(PD_ON)) == 1,
	       "the platform bus attaches a device to one power domain only (dev_pm_domain_attach)");
static void scmi_reset_test_node(void)
{
#define RST_PHANDLE(id, name, asserted, lat) printf("%s<&scmi_reset %d>", id ? ", " : "", id);
#define RST_NAME(id, name, asserted, lat) printf("%s\"%s\"", id ? ", " : "", name);
#define PD_CONSUMED(id, name, on, uw) if (on) printf("\t\tpower-domains = <&scmi_pd %d>;\n", id);
	printf("/ {\n\tscmi-reset-client {\n");
	printf("\t\tcompatible = \"arm-smc-mbox-test,reset-client\";\n\t\tresets = ");
	MODEL_RESET_LINES(RST_PHANDLE)
	printf(";\n\t\treset-names = ");
	MODEL_RESET_LINES(RST_NAME)
	printf(";\n");
	MODEL_POWER_DOMAINS(PD_CONSUMED)
	printf("\t};\n};\n\n");
}

/* The model as shell variables, so guest tests expect exactly what the firmware serves. */
static void model_env(void)
{
#define ENV_CLK(id, name, min, max, init) \
	printf("CLK_%d_NAME=%s\nCLK_%d_MIN=%d\nCLK_%d_MAX=%d\nCLK_%d_INIT=%d\n", \
	       id, name, id, min, id, max, id, init);
	MODEL_CLOCKS(ENV_CLK)
#define ENV_OPP(hz, mv) printf(" %d:%d", hz, mv);
	printf("DVFS_0_OPPS=\"");
	MODEL_OPPS_0(ENV_OPP)
	printf(" \"\nDVFS_0_INIT_OPP=%d\nDVFS_0_CEFF_PF=%d\n", MODEL_DVFS_INIT_OPP_0,
	       MODEL_DVFS_CEFF_PF_0);
	printf("DVFS_1_OPPS=\"");
	MODEL_OPPS_1(ENV_OPP)
	printf(" \"\nDVFS_1_INIT_OPP=%d\nDVFS_1_CEFF_PF=%d\n", MODEL_DVFS_INIT_OPP_1,
	       MODEL_DVFS_CEFF_PF_1);
#define ENV_WAVE(id, min, max, period) \
	printf("TEMP_%d_MIN=%d\nTEMP_%d_MAX=%d\nTEMP_%d_PERIOD_MS=%d\n", \
	       id, min, id, max, id, period);
	MODEL_TEMP_WAVES(ENV_WAVE)
	printf("VDD_DOMAIN=%d\nSTATIC_POWER_UW=%d\n", MODEL_SENSOR_VDD_DOMAIN,
	       MODEL_STATIC_POWER_UW);
#define ENV_PD(id, name, on, uw) \
	printf("PD_%d_NAME=%s\nPD_%d_ON=%d\nPD_%d_UW=%d\n", id, name, id, on, id, uw);
	MODEL_POWER_DOMAINS(ENV_PD)
#define ENV_RST(id, name, asserted, lat) \
	printf("RESET_%d_NAME=%s\nRESET_%d_ASSERTED=%d\n", id, name, id, asserted);
	MODEL_RESET_LINES(ENV_RST)
#define ENV_CH(id, dt_name, fid, off, sz, svc) printf("CHANNEL_%s=%d\n", #id, ch++);
	{
		int ch = 0;

		BOARD_CHANNELS(ENV_CH)
	}
}

/*
 * What the firmware hands Linux besides the board's devices, as boot-wrapper-aarch64 writes
 * it: PSCI with the runner's conduit, "psci" as every CPU's enable-method, and the
 * non-secure memory the firmware owns (EL2 stub, shared memory) as reserved no-map, with the
 * root's cell sizes (2/2 on QEMU virt) so Linux never takes the window for RAM. The firmware
 * itself does not edit the tree.
 */
static void firmware_handoff_nodes(const char *conduit, int cpus)
{
	int i;

	printf("/ {\n\tpsci {\n");
	printf("\t\tcompatible = \"arm,psci-1.0\", \"arm,psci-0.2\";\n");
	printf("\t\tmethod = \"%s\";\n\t};\n\n", conduit);
	printf("\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n");
	printf("\t\tranges;\n\n");
	printf("\t\tfirmware@%llx {\n\t\t\treg = <0x0 0x%llx 0x0 0x%llx>;\n\t\t\tno-map;\n\t\t};\n\n",
	       BOARD_NS_FW_BASE, BOARD_NS_FW_BASE, BOARD_NS_FW_SIZE);
	printf("\t\tshmem@%llx {\n\t\t\treg = <0x0 0x%llx 0x0 0x%llx>;\n\t\t\tno-map;\n\t\t};\n",
	       BOARD_SHMEM_BASE, BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE);
	printf("\t};\n};\n\n");
	for (i = 0; i < cpus; i++)
		printf("&{/cpus/cpu@%d} {\n\tenable-method = \"psci\";\n};\n", i);
}

/* Every doorbell an AArch32 kernel can ring: SMC32 function IDs only. */
static int check_smc32_only(void)
{
	unsigned int i;
	int bad = 0;

	for (i = 0; i < NUM_CHANNELS; i++) {
		if (channels[i].fid & (1U << 30)) {	/* SMCCC bit 30: SMC64 */
			fprintf(stderr, "gen-board-dts: --arch arm: channel %s has the SMC64 function "
				"ID 0x%x, which a 32-bit kernel cannot call\n", channels[i].label,
				channels[i].fid);
			bad = 1;
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	const char *conduit = "smc", *arch = "arm64";
	int cpus = 1, i;

	if (argc == 2 && !strcmp(argv[1], "--model-env")) {
		model_env();
		return 0;
	}
	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--conduit"))
			conduit = argv[i + 1];
		else if (!strcmp(argv[i], "--cpus"))
			cpus = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--arch"))
			arch = argv[i + 1];
		else
			break;
	}
	if ((strcmp(conduit, "smc") && strcmp(conduit, "hvc")) || cpus < 1 || cpus > 8 ||
	    (strcmp(arch, "arm64") && strcmp(arch, "arm")) || i != argc) {
		fprintf(stderr, "usage: gen-board-dts --conduit smc|hvc --cpus 1..8 [--arch arm64|arm]\n");
		return 2;
	}
	if (!strcmp(arch, "arm") && check_smc32_only())
		return 1;

	printf("// Generated by board/gen-board-dts from board/board.h: do not edit.\n");
	printf("/ {\n");
	shmem_nodes();
	printf("\tfirmware {\n");
	mailbox_nodes(conduit);
	scpi_node();
	scmi_node();
	printf("\t};\n};\n\n");
	firmware_handoff_nodes(conduit, cpus);
	scmi_reset_test_node();

	/* CPUs share DVFS domains pairwise: cpu0-1 on domain 0, cpu2-3 on domain 1, ... */
	for (i = 0; i < cpus; i++)
		printf("&{/cpus/cpu@%d} {\n\tclocks = <&scpi_dvfs %d>;\n};\n", i, (i / 2) % 2);
	return 0;
}
