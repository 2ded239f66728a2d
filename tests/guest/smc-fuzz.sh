#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: random SMCCC calls from Linux (the smcfuzz module), every answer checked
# against docs/abi.md, then the firmware must still serve and every CPU still be on.
#
#   tools/qemu-run [--kernel K] [--conduit C] --script tests/guest/smc-fuzz.sh
#       100000 calls (make check), seed 1
#   tests/guest/smc-fuzz.sh [CALLS [SEED]] [QEMU-RUN-ARGS...]     (on the host)
#       the same with another count, e.g. the full stress:
#       tests/guest/smc-fuzz.sh 1000000 1 --kernel 6.12 --conduit hvc
#
# In the guest the count and seed come from $1/$2, else SMCFUZZ_CALLS/SMCFUZZ_SEED, else
# 100000 and 1. SMCFUZZ_DOORBELLS=1 also rings the SCPI/SCMI doorbells (off by default:
# random shared memory is the hostile-client test's job).

if [ ! -e /qemu-run/env ]; then
	# On the host: qemu-run passes no arguments to a script; --env passes them.
	top=$(cd "$(dirname "$0")/../.." && pwd)
	calls=100000
	seed=1
	case ${1:-} in [0-9]*) calls=$1; shift ;; esac
	case ${1:-} in [0-9]*) seed=$1; shift ;; esac
	# About 20k calls/s at worst under TCG, plus the boot; a later --timeout wins.
	exec "$top/tools/qemu-run" --timeout $((120 + calls / 10000)) \
		--env SMCFUZZ_CALLS="$calls" --env SMCFUZZ_SEED="$seed" "$@" --script "$0"
fi

. /qemu-run/lib.sh

CALLS=${1:-${SMCFUZZ_CALLS:-100000}}
SEED=${2:-${SMCFUZZ_SEED:-1}}
D=/sys/kernel/debug/smcfuzz
SMALL=$((CALLS / 10 > 1000 ? CALLS / 10 : 1000))

get() { sed -n "s/^$1: //p" $D/result; }

# fuzz NAME N ARGS...: one run of N calls; PASS when every answer matched the ABI, every call
# was made, and the post-check (PSCI state, versions, channel count) held.
fuzz() {
	name=$1
	n=$2
	shift 2
	if ! echo "$n $*" > $D/run 2> /tmp/smcfuzz.err; then
		fail "$name" "write failed: $(cat /tmp/smcfuzz.err); $(grep -E '^(violation|postcheck): ' $D/result | head -3 | tr '\n' ' ')"
		return
	fi
	v=$(get violations)
	post=$(get postcheck-failures)
	made=$(get calls)
	if [ "$v" = 0 ] && [ "$post" = 0 ] && [ "$made" = "$n" ]; then
		pass "$name"
	else
		fail "$name" "calls $made/$n, violations $v, post-check failures $post: $(grep -E '^(violation|postcheck): ' $D/result | head -4 | tr '\n' ' ')"
	fi
	echo "   ($name: $made calls ($(get conduit), $(get mode), $(get threads) thread(s)) in $(( $(get elapsed-ns) / 1000000 )) ms: $(get calls-per-sec) calls/s; not supported $(get not-supported), implemented $(get implemented))"
}

if [ ! -d $D ]; then
	fail smcfuzz_module_loaded "no $D (module not built or not loaded)"
	exit 1
fi
if [ "${SMCFUZZ_DOORBELLS:-0}" = 1 ]; then
	echo 1 > /sys/module/smcfuzz/parameters/doorbells
fi

fuzz "smc_fuzz_${CALLS}_calls" "$CALLS" "$SEED"
echo "   (mix: $(grep -E '^(owner-|smc64|yielding|mbz-set|cpu-on-invalid)' $D/result | tr '\n' ' '))"

# x4..x17 must come back unchanged (SMCCC 1.1), garbage in x0[63:32] must be ignored.
# (A 32-bit kernel has no SMCCC 1.2 register file, and no x0[63:32] to fill.)
[ "${ARCH:-arm64}" = arm64 ] && fuzz smc_fuzz_regs_preserved "$SMALL" "$((SEED + 1))" regs
# Every CPU at once: the firmware's locks and per-CPU stacks.
[ "$SMP" -gt 1 ] && fuzz smc_fuzz_all_cpus_at_once "$SMALL" "$((SEED + 2))" parallel
# hvc conduit: SMC from EL1 goes straight to EL3, past the EL2 stub.
[ "$CONDUIT" = hvc ] && fuzz smc_fuzz_smc_from_el1 "$SMALL" "$((SEED + 3))" smc

# The same seed makes the same calls.
fuzz_mix() { echo "1000 $1" > $D/run && grep -E '^(owner-|smc64|yielding|mbz-set)' $D/result; }
a=$(fuzz_mix 7)
b=$(fuzz_mix 7)
c=$(fuzz_mix 8)
if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" != "$c" ]; then
	pass smc_fuzz_is_deterministic
else
	fail smc_fuzz_is_deterministic "seed 7 twice: $(echo "$a" | tr '\n' ' ') / $(echo "$b" | tr '\n' ' ')"
fi

# Afterwards, through the other module: the firmware still serves, PSCI state is untouched.
expect_eq smccc_version_after_fuzz "$(fwcall_x0 0x80000000)" "$(boot_smccc_version)"
expect_eq psci_version_after_fuzz "$(fwcall_x0 0x84000000)" "$(boot_psci_version)"
want_online=0
[ "$SMP" -gt 1 ] && want_online="0-$((SMP - 1))"
expect_eq all_cpus_online_after_fuzz "$(cat /sys/devices/system/cpu/online)" "$want_online"
# AFFINITY_INFO in the caller's width: a 32-bit kernel can make SMC32 calls only.
affinity_info=0xc4000004
[ "${ARCH:-arm64}" = arm ] && affinity_info=0x84000004
bad=
for i in $(seq 0 $((SMP - 1))); do
	x0=$(fwcall_x0 $affinity_info "$i" 0)
	[ "$x0" = 0x0 ] || bad="$bad cpu$i:$x0"
done
expect_eq psci_reports_every_cpu_on_after_fuzz "${bad:-none}" none
logged=$(dmesg | grep 'smcfuzz: .*->' | head -3 | tr '\n' ' ')
expect_eq no_violation_in_kernel_log "${logged:-none}" none
exit $FAILED
