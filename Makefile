# The ARM SMC mailbox: driver, firmware, board and test rig.
#
#   make run     install what is missing, build, boot, show the system working
#   make check   everything tested; the last line is "N passed, N failed"
#   make stress  the full-size concurrency test and SMC fuzzer, with a table of figures
#
# Everything downloaded lands in cache/, everything built in build/ (both ignored).

KERNELS      := 6.1 6.12
# The stock 32-bit kernel (Debian armhf, tools/fetch-kernels): make check boots it too.
ARM32_KERNELS := 6.1-armhf
FUZZ_SECONDS ?= 60
HOSTCC       ?= gcc

all: firmware board $(addprefix modules-,$(KERNELS) $(ARM32_KERNELS))

setup:
	@tools/setup-host

kernels: setup
	@tools/fetch-kernels all

firmware:
	@$(MAKE) -s --no-print-directory -C firmware

board: build/board/gen-board-dts build/board/board.env build/board/board-consts.h

build/board/gen-board-dts: board/gen-board-dts.c board/board.h $(wildcard firmware/protocols/model/model_def.h)
	@mkdir -p $(@D)
	$(HOSTCC) -std=gnu11 -Wall -Wextra -Werror -Iboard -Ifirmware/protocols/model -o $@ $<

# board.h's numbers for the runner, shell tests and --dt fragments (board/gen-board-env.c).
build/board/gen-board-env: board/gen-board-env.c board/board.h firmware/plat/qemu-virt/platform_def.h
	@mkdir -p $(@D)
	$(HOSTCC) -std=gnu11 -Wall -Wextra -Werror -Iboard -Ifirmware/plat/qemu-virt -o $@ $<

build/board/board.env: build/board/gen-board-env
	$< --env > $@.tmp && mv $@.tmp $@

build/board/board-consts.h: build/board/gen-board-env
	$< --header > $@.tmp && mv $@.tmp $@

modules-%:
	@tools/build-modules $*

run: setup kernels all
	@tools/demo

shell: setup kernels all
	@tools/qemu-run --interactive -- sh -c 'exec setsid cttyhack sh'

check: setup kernels all
	@tools/run-checks

# The full-size concurrency test on both kernels, 2 and 4 CPUs, and the 1000000-call SMC
# fuzzer, with a table of the figures (tens of minutes on a 2-core host).
stress: setup kernels all
	@tools/stress

# The guest suites on Debian's 6.1 and 6.12 built from source with KASAN, lockdep, kmemleak,
# UBSAN and SCMI raw mode (tools/build-kernel; README: duration). Not part of make check: a
# clean clone must not build kernels.
check-debug: setup kernels all
	@tools/build-kernel 6.1
	@tools/build-kernel 6.12
	@$(MAKE) -s --no-print-directory modules-6.1-debug modules-6.12-debug
	@tools/run-checks runner-checkers scmi-raw-host guest-debug

# Mailbox round trips against the bare SMC and arm,scmi-smc: both Debian kernels, and 6.1
# built from source with the series and its RFC (tools/bench; the first run builds that kernel).
bench: setup kernels all
	@tools/build-kernel --plain --rfc 6.1
	@tools/bench

# Boot and hot-plug every CPU on cortex-a53/a57/a72 and max, both kernels and conduits
# (16 boots, about 10 minutes on a 2-core host; make check runs 4 of them).
cpu-matrix: setup kernels all
	@tests/guest/run-cpu-matrix

# The series in a kernel built from source: its Kconfig default on linux-source-6.1 (README:
# duration). Not part of make check: a clean clone must not download kernel sources.
check-kernels: setup kernels
	@tools/run-checks kconfig-default

# The guest suites on kernels built from source with the driver built in, as a distribution
# would build it: arm64 with the series (6.1-builtin), 32-bit Arm with the series
# (6.1-arm-builtin). The first run builds the kernels that are missing (tools/build-kernel:
# 45-55 min each on a 2-core host; README: duration). Not part of make check: a clean clone
# must not build kernels.
check-builtin: setup kernels all
	@tools/build-kernel --plain --series 6.1
	@tools/build-kernel --arch arm --series 6.1
	@$(MAKE) -s --no-print-directory modules-6.1-builtin modules-6.1-arm-builtin
	@tools/run-checks guest-builtin

patches:
	@tools/make-patches build/patches

# The Debian source and binary packages of the driver (arm-smc-mailbox-dkms), into build/deb/.
deb:
	@tools/make-deb build/deb

# The package installed in an arm64 Debian system (debootstrap + qemu-user-static), DKMS
# builds for the stock, backports and rig kernels, removal, then the DKMS-built module in a
# guest run on each kernel (tools/dkms-check). Long: not part of check.
dkms-check: setup kernels all
	@nice -n 10 tools/dkms-check

# TF-A 2.8 with the doorbell services in BL31 (tools/build-tfa): the test and production
# images, and the series for TF-A with a cover letter, checked with TF-A's checkpatch rules.
tfa: setup
	@tools/build-tfa --variant test
	@tools/build-tfa --variant prod

tfa-patches:
	@tools/build-tfa --patches build/tfa/patches

# Every guest suite against TF-A on both kernels, the SMC fuzzer at 1,000,000 calls
# (tests/guest/run-tfa-tests; make check runs its --quick subset).
check-tfa: setup kernels all
	@tests/guest/run-tfa-tests

fuzz: setup
	@tools/fuzz --seconds $(FUZZ_SECONDS)

clean:
	rm -rf build

.PHONY: all setup kernels firmware board run shell check check-debug check-kernels check-builtin stress bench cpu-matrix patches deb \
	dkms-check tfa tfa-patches check-tfa fuzz clean
