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
#   make -f tests/host/runtime.mk fuzz-smccc [FUZZ_SECONDS=60]     (smoke: fuzz-smccc-smoke)
FUZZ_SECONDS ?= 60
RT_FUZZ      := build/fuzz/fuzz_smccc
RT_FUZZ_SRCS := $(filter-out tests/host/test_runtime.c,$(RT_SRCS)) tests/fuzz/fuzz_smccc.c \
                $(wildcard firmware/protocols/*/*.c) firmware/lib/fwstring.c

$(RT_FUZZ): $(RT_FUZZ_SRCS) $(wildcard firmware/include/*.h firmware/services/*.h board/*.h)
	@mkdir -p $(@D)
	clang -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -Ifirmware/include -Ifirmware/lib -Ifirmware/services \
		-Ifirmware/protocols -Iboard -o $@ $(RT_FUZZ_SRCS)

fuzz-smccc: $(RT_FUZZ)
	@mkdir -p build/fuzz/corpus-smccc
	@$(RT_FUZZ) -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 \
		build/fuzz/corpus-smccc tests/fuzz/corpus/smccc 2>&1 | \
		grep -E "stat::(number_of_executed_units|average_exec_per_sec|new_units_added)|cov:|ERROR|SUMMARY" | tail -6

fuzz-smccc-smoke: $(RT_FUZZ)
	@mkdir -p build/fuzz/corpus-smccc
	@if $(RT_FUZZ) -max_total_time=10 -max_len=4096 build/fuzz/corpus-smccc \
		tests/fuzz/corpus/smccc > build/fuzz/smccc-smoke.log 2>&1; then \
		echo "PASS: fuzz_smccc_smoke ($$(grep -o 'cov: [0-9]*' build/fuzz/smccc-smoke.log | tail -1), $$(grep -o 'exec/s: [0-9]*' build/fuzz/smccc-smoke.log | tail -1))"; \
	else echo "FAIL: fuzz_smccc_smoke: see build/fuzz/smccc-smoke.log"; tail -20 build/fuzz/smccc-smoke.log; fi

.PHONY: fuzz-smccc fuzz-smccc-smoke
