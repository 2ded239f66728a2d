# Host tests of the firmware's runtime services (SMCCC dispatch, PSCI, SiP doorbells).
#   make -f tests/host/runtime.mk test-runtime      (from the repository root)
RT_OUT   := build/host
RT_SRCS  := firmware/services/smccc.c firmware/services/services.c firmware/services/arch_svc.c \
            firmware/services/psci.c firmware/services/sip.c tests/host/test_runtime.c
RT_FLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
            -fno-sanitize-recover=all -Ifirmware/include -Ifirmware/lib -Ifirmware/services \
            -Iboard

$(RT_OUT)/test_runtime: $(RT_SRCS) $(wildcard firmware/include/*.h firmware/services/*.h board/*.h)
	@mkdir -p $(@D)
	$(CC) $(RT_FLAGS) -o $@ $(RT_SRCS)

test-runtime: $(RT_OUT)/test_runtime
	@$(RT_OUT)/test_runtime

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
	clang $(RT_FUZZ_CFLAGS) -Ifirmware/include -Ifirmware/lib -Ifirmware/services \
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
