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
