# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (board + no-clients.dtsi): rmmod/insmod cycles of the controller module.
. /qemu-run/lib.sh
cycles=${CYCLES:-200}
ko=$(ls /lib/modules/project/arm-smc-mailbox.ko)

s0=$(slab)
bad=0
i=0
while [ $i -lt $cycles ]; do
	rmmod arm_smc_mailbox || bad=$((bad + 1))
	insmod "$ko" || bad=$((bad + 1))
	i=$((i + 1))
done
expect_eq "rmmod_insmod_${cycles}_cycles" $bad 0
n=$(ls -d /sys/bus/platform/drivers/arm-smc-mbox/firmware:* | wc -l)
expect_eq controllers_bound_after_cycles "$n" 2
s1=$(slab)
slab_growth_ok "no_slab_growth_over_${cycles}_module_cycles" "$s0" "$s1" 512
expect_eq module_refcount_zero "$(cat /sys/module/arm_smc_mailbox/refcnt)" 0
exit $FAILED
