#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (board + no-clients.dtsi + under-load.dtsi): the controller is unbound and
# its module removed while blocking senders (the test client, tx-done by the controller) run
# on every CPU, then loaded again; CYCLES times. The controller reports each tx-done from an
# irq_work raised by send_data(): unbinding must wait for the one still pending, or the work
# would run on a freed channel, or in module text already gone. A use-after-free shows as an
# oops (the runner then exits 125) or, on a debug kernel, as a KASAN report.
#
#   tools/qemu-run --dt tests/guest/lifecycle/no-clients.dtsi \
#       --dt tests/guest/lifecycle/under-load.dtsi --script tests/guest/lifecycle/under-load.sh
#       3 cycles (make check)
#   tests/guest/lifecycle/under-load.sh [CYCLES] [QEMU-RUN-ARGS...]   (on the host)
#       the same with another count, e.g. tools/stress's 100 cycles with --smp 4

if [ ! -e /qemu-run/env ]; then
	# On the host: qemu-run passes no arguments to a script; --env passes them.
	here=$(cd "$(dirname "$0")" && pwd)
	top=$(cd "$here/../../.." && pwd)
	cycles=3
	case ${1:-} in [0-9]*) cycles=$1; shift ;; esac
	# Each cycle: half a second of sending, then an unbind that takes 2 to 10 s while every CPU
	# sends (the unbinding shell competes with the senders), rmmod, insmod, re-probe.
	exec "$top/tools/qemu-run" --timeout $((120 + cycles * 12)) --dt "$here/no-clients.dtsi" \
		--dt "$here/under-load.dtsi" --env CYCLES="$cycles" "$@" --script "$0"
fi

. /qemu-run/lib.sh
cycles=${CYCLES:-3}
drv=/sys/bus/platform/drivers/arm-smc-mbox
cdrv=/sys/bus/platform/drivers/mboxclient
ctl=firmware:mailbox-under-load
cli=firmware:mboxclient-under-load
dbg=/sys/kernel/debug/mboxclient/$cli
ko=/lib/modules/project/arm-smc-mailbox.ko
R=/tmp/under-load

cstat() { sed -n "s/^$1: //p" $dbg/stats; }
# sender CPU: blocking sends from one CPU until the client goes away; leaves the number of
# writes that completed in $R/sent.CPU.
sender() {
	n=0
	while echo 100000000 > $dbg/send 2> /dev/null; do n=$((n + 1)); done
	echo $n > $R/sent.$1
}

if [ "${1:-}" = sender ]; then
	sender "$2"
	exit 0
fi

if ! bound $cdrv $cli 5; then
	fail under_load_client_bound_at_boot "no $cli in $cdrv"
	exit 1
fi
expect_eq under_load_client_blocks_on_the_controller "$(cstat txdone)" controller

s0=$(slab)
bad=0 stuck=0 idle=0 back=0 nosend=0 errs=0 sent=0
i=0
while [ $i -lt $cycles ]; do
	rm -rf $R
	mkdir -p $R
	c0=$(cstat completed)
	c=0
	while [ $c -lt $SMP ]; do
		taskset -c $c sh "$0" sender $c &
		c=$((c + 1))
	done
	sleep 0.5
	c1=$(cstat completed)
	[ "$c1" -gt "$c0" ] || idle=$((idle + 1))
	errs=$((errs + $(cstat errors) + $(cstat echo-mismatches)))
	# Unbinding the controller unbinds the client first (its device link): the client stops
	# its writers at their next message and frees the channel, whose shutdown() syncs the
	# tx-done work; then the controller unregisters. The senders' next write fails.
	echo $ctl > $drv/unbind || bad=$((bad + 1))
	w=0
	while [ "$(ls $R | wc -l)" -lt "$SMP" ] && [ $w -lt 100 ]; do
		sleep 0.1
		w=$((w + 1))
	done
	[ $w -lt 100 ] || stuck=$((stuck + 1))
	rmmod arm_smc_mailbox || bad=$((bad + 1))
	insmod $ko || bad=$((bad + 1))
	bound $cdrv $cli 5 || back=$((back + 1))
	sent=$((sent + c1 - c0))
	# The client probed again: one more message, checked.
	c0=$(cstat completed)
	if ! echo 1 > $dbg/send || [ "$(cstat completed)" != $((c0 + 1)) ]; then
		nosend=$((nosend + 1))
	fi
	wait
	i=$((i + 1))
done
s1=$(slab)
echo "   (under load: $cycles unbind + rmmod + insmod cycles with $SMP blocking senders; $sent messages answered before the unbinds)"
expect_eq "under_load_${cycles}_unbind_rmmod_insmod_cycles" $bad 0
expect_eq under_load_every_cycle_was_sending_before_the_unbind $idle 0
expect_eq under_load_senders_stopped_by_each_unbind $stuck 0
expect_eq under_load_client_probed_again_after_each_insmod $back 0
expect_eq under_load_client_sends_after_each_insmod $nosend 0
expect_eq under_load_no_errors_or_echo_mismatches $errs 0
slab_growth_ok "under_load_no_slab_growth_over_${cycles}_cycles" "$s0" "$s1" 512
exit $FAILED
