# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, on one CPU model (tools/qemu-run --cpu MODEL): every CPU came up, every
# secondary goes off and on again through PSCI, and on cores with SVE and pointer
# authentication Linux uses them (their first use would trap to EL3 unless the firmware
# enabled them; the firmware would then stop the machine, which the runner reports).
. /qemu-run/lib.sh

expect_eq "${CPU}_all_${SMP}_cpus_online" "$(grep -c ^processor /proc/cpuinfo)" "$SMP"
n=1
while [ $n -lt "$SMP" ]; do
	f=/sys/devices/system/cpu/cpu$n/online
	echo 0 > $f
	expect_eq "${CPU}_cpu${n}_off" "$(cat $f) $(fwcall_x0 0xc4000004 $n 0)" "0 0x1"
	echo 1 > $f
	expect_eq "${CPU}_cpu${n}_on_again" "$(cat $f) $(fwcall_x0 0xc4000004 $n 0)" "1 0x0"
	n=$((n + 1))
done
if [ "$CPU" = max ]; then
	for feat in sve paca; do
		grep -qw $feat /proc/cpuinfo && pass "${CPU}_linux_uses_$feat" ||
			fail "${CPU}_linux_uses_$feat" "not in /proc/cpuinfo"
	done
	[ -e /proc/sys/abi/sve_default_vector_length ] && pass "${CPU}_sve_vector_length_set" ||
		fail "${CPU}_sve_vector_length_set" "no /proc/sys/abi/sve_default_vector_length"
fi
exit $FAILED
