/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtual SoC that SCPI and SCMI both describe, as data only (X-macros), so that the
 * firmware (model.c), the device-tree generator (board/gen-board-dts.c) and the tests all
 * read the same numbers. No code and no includes here: a host program can include it as is.
 *
 * Units: frequencies in Hz, voltages in mV, latencies in microseconds, temperatures in
 * millidegrees Celsius, power in microwatts, energy in microjoules, time in nanoseconds.
 *
 * IDs are 0-based and contiguous in each list (Linux indexes its arrays with them).
 *
 * Clocks (SCPI GET/SET_CLOCK_VALUE, SCMI clock protocol 0x14): any rate in [min, max]
 * is accepted exactly (SCMI describes it as a range with a 1 Hz step).
 *
 * DVFS domains (SCPI GET/SET_DVFS, SCMI performance protocol 0x13): each has an OPP table
 * MODEL_OPPS_<id>(X) with X(hz, mv), sorted by frequency, lowest first (Linux's SCPI
 * driver sorts the table and then uses its index as the OPP index, so the firmware's order
 * must be the same). SCMI performance levels are the OPP frequency in kHz (every OPP is a
 * whole number of kHz), and the domain attributes give sustained_freq_khz ==
 * sustained_perf_level, so Linux's multiplier is exactly 1000 (level * 1000 = Hz).
 * MODEL_DVFS_LATENCY_US_<id> is the transition latency, MODEL_DVFS_INIT_OPP_<id> the OPP
 * index at reset, MODEL_DVFS_CEFF_PF_<id> the switched capacitance used for power.
 *
 * Sensors (SCPI SENSOR_*, SCMI sensor protocol 0x15), X(id, name, class) with the SCPI class
 * numbers below. Values, with t = plat_time_ns():
 *   temperature: a triangle wave per MODEL_TEMP_WAVES X(sensor id, min_mc, max_mc,
 *     period_ms): p = t mod period, h = period / 2;
 *     value = min + (max - min) * p / h            while p < h (rising, min at t = 0)
 *     value = max - (max - min) * (p - h) / h      otherwise   (falling)
 *     (integer arithmetic, p and h in ns, division truncates).
 *   voltage: the mV of the current OPP of DVFS domain MODEL_SENSOR_VDD_DOMAIN.
 *   power: MODEL_STATIC_POWER_UW
 *        + for each DVFS domain: ceff_pf * mv^2 * hz / 10^12 (uW, truncated) at its current OPP
 *        + for each power domain that is on: its on_power_uw.
 *   energy: the integral of that power over time since t = 0 (uW * ns, kept exactly,
 *     reported in whole uJ, truncated). The model integrates piecewise: each time the
 *     power changes (OPP or power-domain change) or energy is read, it first adds
 *     power * (t - t_last) for the interval just ended.
 *
 * Power domains (SCPI SET/GET_DEVICE_PWR_STATE, SCMI power domain protocol 0x11),
 * X(id, name, on at reset, power drawn when on in uW).
 *
 * Reset lines (SCMI reset domain protocol 0x16; SCPI has none), X(id, name, asserted at
 * reset, latency_us): each line is asserted or deasserted, and counts the autonomous resets
 * (an assert followed by a deassert done by the firmware) it has seen since the model's reset.
 */
#ifndef MODEL_DEF_H
#define MODEL_DEF_H

/* X(id, name, min_hz, max_hz, init_hz) - names at most 15 characters. */
#define MODEL_CLOCKS(X) \
	X(0, "axi_bus",   100000000,  533000000,  400000000) \
	X(1, "gpu_core",  200000000,  800000000,  500000000) \
	X(2, "vpu_core",  100000000,  600000000,  300000000) \
	X(3, "ddr_ctrl",  400000000, 1066000000,  800000000)

/* X(id, name) */
#define MODEL_DVFS_DOMAINS(X) \
	X(0, "cpu_little") \
	X(1, "cpu_big")

/* X(hz, mv), lowest frequency first. */
#define MODEL_OPPS_0(X) \
	X( 450000000,  800) \
	X( 625000000,  850) \
	X( 800000000,  900) \
	X( 950000000,  950) \
	X(1100000000, 1000)
#define MODEL_DVFS_LATENCY_US_0	200
#define MODEL_DVFS_INIT_OPP_0	2
#define MODEL_DVFS_CEFF_PF_0	150

#define MODEL_OPPS_1(X) \
	X( 600000000,  820) \
	X( 900000000,  880) \
	X(1200000000,  960) \
	X(1500000000, 1050) \
	X(1800000000, 1150)
#define MODEL_DVFS_LATENCY_US_1	300
#define MODEL_DVFS_INIT_OPP_1	1
#define MODEL_DVFS_CEFF_PF_1	400

/* SCPI sensor classes (Linux enum scpi_sensor_class); SCMI maps them to its own types. */
#define MODEL_SENSOR_TEMPERATURE	0
#define MODEL_SENSOR_VOLTAGE		1
#define MODEL_SENSOR_CURRENT		2
#define MODEL_SENSOR_POWER		3
#define MODEL_SENSOR_ENERGY		4

/* X(id, name, class) - names at most 15 characters. */
#define MODEL_SENSORS(X) \
	X(0, "soc_temp",   MODEL_SENSOR_TEMPERATURE) \
	X(1, "big_temp",   MODEL_SENSOR_TEMPERATURE) \
	X(2, "vdd_big",    MODEL_SENSOR_VOLTAGE) \
	X(3, "soc_power",  MODEL_SENSOR_POWER) \
	X(4, "soc_energy", MODEL_SENSOR_ENERGY)

/* X(sensor id, min_mc, max_mc, period_ms): one line per temperature sensor. */
#define MODEL_TEMP_WAVES(X) \
	X(0, 35000, 55000, 20000) \
	X(1, 40000, 70000,  8000)

#define MODEL_SENSOR_VDD_DOMAIN	1	/* vdd_big reads DVFS domain 1 */
#define MODEL_STATIC_POWER_UW	50000

/* X(id, name, on at reset, on_power_uw) */
#define MODEL_POWER_DOMAINS(X) \
	X(0, "gpu", 1, 120000) \
	X(1, "vpu", 0,  80000)

/* X(id, name, asserted at reset, latency_us) - names at most 15 characters. */
#define MODEL_RESET_LINES(X) \
	X(0, "gpu_rst",  0, 10) \
	X(1, "vpu_rst",  1, 10) \
	X(2, "ddr_phy",  0, 50)

#endif
