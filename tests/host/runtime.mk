# Host tests of the firmware's runtime services (SMCCC dispatch, PSCI, SiP doorbells).
#   make -f tests/host/runtime.mk test-runtime      (from the repository root)
RT_OUT   := build/host
# The services as in the test image (FW_TEST_IMAGE: the diagnostic calls), and as in the
# production image (test_production: every diagnostic ID must answer NOT_SUPPORTED).
SVC_SRCS := firmware/services/smccc.c firmware/services/services.c firmware/services/arch_svc.c \
            firmware/services/psci.c firmware/services/sip.c
RT_SRCS  := $(SVC_SRCS) firmware/services/sip_diag.c tests/host/test_runtime.c
RT_FLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
            -fno-sanitize-recover=all -Ifirmware/include -Ifirmware/lib -Ifirmware/services \
            -Iboard
RT_HDRS  := $(wildcard firmware/include/*.h firmware/services/*.h board/*.h)

$(RT_OUT)/test_runtime: $(RT_SRCS) $(RT_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RT_FLAGS) -DFW_TEST_IMAGE -o $@ $(RT_SRCS)

$(RT_OUT)/test_production: $(SVC_SRCS) tests/host/test_production.c $(RT_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RT_FLAGS) -o $@ $(SVC_SRCS) tests/host/test_production.c

# The AArch32 entry's decisions (which image, which mode), plain C without the CPU.
$(RT_OUT)/test_aarch32_entry: tests/host/test_aarch32_entry.c firmware/arch/aarch64/aarch32_entry.c \
			      firmware/arch/aarch64/aarch32_entry.h
	@mkdir -p $(@D)
	$(CC) $(RT_FLAGS) -Ifirmware/arch/aarch64 -o $@ tests/host/test_aarch32_entry.c \
		firmware/arch/aarch64/aarch32_entry.c

test-runtime: $(RT_OUT)/test_runtime $(RT_OUT)/test_production $(RT_OUT)/test_aarch32_entry
	@rc=0; $(RT_OUT)/test_runtime || rc=1; $(RT_OUT)/test_production || rc=1; \
		$(RT_OUT)/test_aarch32_entry || rc=1; exit $$rc

.PHONY: test-runtime

# libFuzzer harness for the dispatcher, with the real services and protocol servers behind it.
# tools/fuzz builds it (make -f tests/host/runtime.mk build/fuzz/fuzz_smccc) and runs it;
# RT_FUZZ and RT_FUZZ_CFLAGS are overridden there for the coverage build.
RT_FUZZ        := build/fuzz/fuzz_smccc
RT_FUZZ_CFLAGS ?= -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
                  -fno-sanitize-recover=all
RT_FUZZ_SRCS   := $(filter-out tests/host/test_runtime.c,$(RT_SRCS)) tests/fuzz/fuzz_smccc.c \
                  $(wildcard firmware/protocols/*/*.c) firmware/lib/fwstring.c

$(RT_FUZZ): $(RT_FUZZ_SRCS) $(wildcard firmware/include/*.h firmware/services/*.h board/*.h)
	@mkdir -p $(@D)
	clang $(RT_FUZZ_CFLAGS) -DFW_TEST_IMAGE -Ifirmware/include -Ifirmware/lib -Ifirmware/services \
		-Ifirmware/protocols -Iboard -o $@ $(RT_FUZZ_SRCS)

# The dispatcher fuzzer's seeds, written from the firmware's headers (tests/fuzz/smccc_seeds.c).
#   make -f tests/host/runtime.mk smccc-seeds      rewrite tests/fuzz/corpus/smccc; commit it
RT_SEEDS := build/fuzz/smccc_seeds

$(RT_SEEDS): tests/fuzz/smccc_seeds.c $(wildcard firmware/include/*.h firmware/services/*.h \
	     firmware/protocols/*/*.h board/*.h)
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -O1 -Wall -Wextra -Werror -Ifirmware/include -Ifirmware/services \
		-Ifirmware/protocols -Iboard -o $@ $<

smccc-seeds: $(RT_SEEDS)
	rm -f tests/fuzz/corpus/smccc/*
	$(RT_SEEDS) tests/fuzz/corpus/smccc

.PHONY: smccc-seeds
