# SPDX-License-Identifier: BSD-3-Clause
#
# Build rules for the device-tree editor tests. Included by the tests Makefile, or standalone:
#
#	make -f tests/host/fdt.mk test-fdt	# host unit tests (ASan+UBSan) + freestanding compile check
#	make -f tests/host/fdt.mk fuzz-fdt	# build the libFuzzer harness and its seeds (tools/fuzz runs it)
#
# Test inputs are compiled from tests/host/fdt/*.dts with dtc at build time; nothing binary is
# committed. Every variable is prefixed FDT_ so that including this file changes nothing else.

FDT_SAVED_DEFAULT_GOAL := $(.DEFAULT_GOAL)

FDT_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
FDT_BUILD ?= $(FDT_ROOT)/build/host
FDT_OUT := $(FDT_BUILD)/fdt
FDT_LIB := $(FDT_ROOT)/firmware/lib
FDT_SRC := $(FDT_LIB)/fdt.c $(FDT_LIB)/fdt_fixup.c
FDT_HDR := $(FDT_LIB)/fdt.h $(FDT_LIB)/fdt_fixup.h
FDT_DTS_DIR := $(FDT_ROOT)/tests/host/fdt

FDT_DTC ?= dtc
FDT_HOST_CC ?= cc
FDT_HOST_CFLAGS ?= -std=c11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
FDT_CROSS_CC ?= aarch64-linux-gnu-gcc
FDT_CROSS_NM ?= aarch64-linux-gnu-nm
FDT_CROSS_CFLAGS ?= -std=c11 -ffreestanding -fno-builtin -nostdlib -mgeneral-regs-only \
	-mstrict-align -O2 -Wall -Wextra -Werror
FDT_FUZZ_CC ?= clang
FDT_FUZZ_CFLAGS ?= -std=c11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

# Inputs: each .dts, plus a 1 MiB-padded QEMU blob (totalsize like QEMU's own dump) and a
# version-16 blob.
FDT_DTBS := $(patsubst $(FDT_DTS_DIR)/%.dts,$(FDT_OUT)/%.dtb,$(wildcard $(FDT_DTS_DIR)/*.dts)) \
	$(FDT_OUT)/qemu-virt-padded.dtb $(FDT_OUT)/small-v16.dtb

.PHONY: test-fdt fuzz-fdt fdt-freestanding-check

test-fdt: $(FDT_BUILD)/test_fdt $(FDT_DTBS) fdt-freestanding-check
	@mkdir -p $(FDT_OUT)/results
	$(FDT_BUILD)/test_fdt $(FDT_OUT) $(FDT_OUT)/results

$(FDT_BUILD)/test_fdt: $(FDT_ROOT)/tests/host/test_fdt.c $(FDT_SRC) $(FDT_HDR)
	@mkdir -p $(@D)
	$(FDT_HOST_CC) $(FDT_HOST_CFLAGS) -I$(FDT_LIB) -o $@ $(FDT_ROOT)/tests/host/test_fdt.c $(FDT_SRC)

$(FDT_OUT)/%.dtb: $(FDT_DTS_DIR)/%.dts
	@mkdir -p $(@D)
	$(FDT_DTC) -q -I dts -O dtb -o $@ $<

$(FDT_OUT)/qemu-virt-padded.dtb: $(FDT_DTS_DIR)/qemu-virt.dts
	@mkdir -p $(@D)
	$(FDT_DTC) -q -I dts -O dtb -S 1048576 -o $@ $<

$(FDT_OUT)/small-v16.dtb: $(FDT_DTS_DIR)/small.dts
	@mkdir -p $(@D)
	$(FDT_DTC) -q -I dts -O dtb -V 16 -o $@ $<

# The firmware's flags: must compile, and need nothing from outside (no memcpy/memset calls).
fdt-freestanding-check: $(FDT_SRC) $(FDT_HDR)
	@mkdir -p $(FDT_OUT)/aarch64
	$(FDT_CROSS_CC) $(FDT_CROSS_CFLAGS) -c $(FDT_LIB)/fdt.c -o $(FDT_OUT)/aarch64/fdt.o
	$(FDT_CROSS_CC) $(FDT_CROSS_CFLAGS) -c $(FDT_LIB)/fdt_fixup.c -o $(FDT_OUT)/aarch64/fdt_fixup.o
	@undef=$$($(FDT_CROSS_NM) -u $(FDT_OUT)/aarch64/fdt.o); \
	if [ -n "$$undef" ]; then echo "fdt.o needs external symbols: $$undef"; exit 1; fi
	@undef=$$($(FDT_CROSS_NM) -u $(FDT_OUT)/aarch64/fdt_fixup.o | grep -v ' U fdt_'); \
	if [ -n "$$undef" ]; then echo "fdt_fixup.o needs external symbols: $$undef"; exit 1; fi

# libFuzzer: the seed corpus is compiled at build time from tests/fuzz/corpus/fdt/*.dts plus the
# small test inputs; libFuzzer adds what it finds to the same build directory.
FDT_FUZZ_CORPUS := $(FDT_OUT)/fuzz-corpus
FDT_FUZZ_SEED_DIR := $(FDT_ROOT)/tests/fuzz/corpus/fdt
FDT_FUZZ_SEEDS := $(patsubst $(FDT_FUZZ_SEED_DIR)/%.dts,$(FDT_FUZZ_CORPUS)/%.dtb,\
	$(wildcard $(FDT_FUZZ_SEED_DIR)/*.dts)) \
	$(FDT_FUZZ_CORPUS)/small.dtb $(FDT_FUZZ_CORPUS)/cells1.dtb

fuzz-fdt: $(FDT_BUILD)/fuzz_fdt $(FDT_FUZZ_SEEDS)

$(FDT_FUZZ_CORPUS)/%.dtb: $(FDT_FUZZ_SEED_DIR)/%.dts
	@mkdir -p $(@D)
	$(FDT_DTC) -q -I dts -O dtb -o $@ $<

$(FDT_FUZZ_CORPUS)/%.dtb: $(FDT_OUT)/%.dtb
	@mkdir -p $(@D)
	cp $< $@

$(FDT_BUILD)/fuzz_fdt: $(FDT_ROOT)/tests/fuzz/fuzz_fdt.c $(FDT_SRC) $(FDT_HDR)
	@mkdir -p $(@D)
	$(FDT_FUZZ_CC) $(FDT_FUZZ_CFLAGS) -I$(FDT_LIB) -o $@ $(FDT_ROOT)/tests/fuzz/fuzz_fdt.c $(FDT_SRC)

.DEFAULT_GOAL := $(FDT_SAVED_DEFAULT_GOAL)
