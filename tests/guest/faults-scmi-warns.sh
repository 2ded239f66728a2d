#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest: DIAG_FAULT modes 3 (garbage) and 1 (NOT_SUPPORTED) on Linux's SCMI
# channel (scmi-a2p). Linux must report the fault, recover and read the right rate again;
# and its SCMI core WARNs, once each, on purpose:
#   mode 3  the 0xa5 header has message type 1, which SCMI reserves: scmi_rx_callback()
#           WARN_ONCE("received unknown msg_type:1"); the request times out (30 ms)
#   mode 1  the firmware never hands the channel back: the request times out, and the next
#           one finds the channel busy for 2 x 30 ms, WARN_ON_ONCE in shmem_tx_prepare()
#           ("Timeout waiting for a free TX channel"), is not written, and times out too
# Both are the SCMI core checking the platform, the same whatever transport rang it (its own
# arm,scmi-smc transport shares shmem.c and scmi_rx_callback()); the mailbox driver only
# logs x0 and hands the completion over. So tools/qemu-run exits 125 here: run-guest-tests
# expects exactly these two WARNs and nothing else.
#
# A kernel with the RFC series (driver/rfc; the guest knows it by mbox_client_txdone_on_send,
# which patch 1 adds and patch 2's SCMI mailbox transport calls) completes an SCMI message
# when the doorbell returns, as the arm,scmi-smc transport does: its rx_callback() ignores the
# controller's call and mailbox_send_message() fails with -EIO when the channel is not
# handed back with the message's own token (shmem_poll_done()). So the read fails at once:
#   mode 3  the garbage header is never taken for a reply: no "unknown msg_type" WARN, no
#           timeout
#   mode 1  no timeout for the first request; the next one still finds the channel busy
#           (2 x 30 ms), WARNs in shmem_tx_prepare() and fails, the third works
# run-guest-tests then expects the shmem_tx_prepare() WARN alone.
#
#   tools/qemu-run --kernel 6.1 --script tests/guest/faults-scmi-warns.sh   (exits 125)
. /qemu-run/lib.sh
. /qemu-run/model.env

DIAG_FAULT=$BOARD_FID_DIAG_FAULT
RATE=/sys/kernel/debug/clk/$CLK_1_NAME/clk_rate
CLK=/sys/kernel/debug/clk/clk_summary
a2p=$CHANNEL_scmi_a2p
# The RFC series' SCMI: a message completes when the doorbell returns (see above).
on_send=0
grep -qw mbox_client_txdone_on_send /proc/kallsyms && on_send=1

# read_once FILE: one read(2) (see faults.sh); sets RV.
read_once() { RV=$(dd if="$1" bs=64 count=1 2> /dev/null); }
klog_from() { dmesg | sed 's/^\[[^]]*\] //' | tail -n +$(($1 + 1)); }
served() { set -- $(counters "$1"); echo "$1"; }
rate() { awk -v n="$1" '$1 == n { print $5 }' $CLK; }

# expect_log NAME LOG PATTERN: a line of the kernel log since the fault matches.
expect_log() {
	if echo "$2" | grep -q "$3"; then pass "$1"; else
		fail "$1" "no '$3' in: $(echo "$2" | grep -v '^ \|^-\|^Modules\|^CPU\|^Hardware\|^pstate\|^pc \|^lr \|^sp \|^x[0-9]' | tail -n 4 | tr '\n' '|')"
	fi
}
# expect_no_log NAME LOG PATTERN: no line of the kernel log since the fault matches.
expect_no_log() {
	if echo "$2" | grep -q "$3"; then fail "$1" "$(echo "$2" | grep "$3" | head -n 2 | tr '\n' '|')"
	else pass "$1"; fi
}

expect_eq scmi_rate_before_the_faults "$(cat $RATE)" "$CLK_1_INIT"

# ---- mode 3: garbage ----
n0=$(dmesg | wc -l)
s0=$(served $a2p)
expect_eq scmi_garbage_armed "$(fwcall_x0 $DIAG_FAULT $a2p $FAULT_GARBAGE 1)" 0x0
read_once $RATE; a=$RV
read_once $RATE; b=$RV
log=$(klog_from "$n0")
echo "   (scmi garbage: reads '$a', '$b')"
expect_eq scmi_garbage_read_fails_clk_reports_0 "$a" 0
expect_eq scmi_garbage_next_read_works "$b" "$CLK_1_INIT"
expect_log scmi_garbage_driver_logs_x0 "$log" \
	"mailbox-scmi: channel 0: function $BOARD_FID_SCMI_A2P returned -559038737\$"
if [ $on_send = 1 ]; then
	expect_no_log scmi_garbage_client_fails_without_a_timeout "$log" 'timed out in resp'
	expect_no_log scmi_garbage_header_not_taken_for_a_reply "$log" 'received unknown msg_type'
else
	expect_log scmi_garbage_client_times_out "$log" 'timed out in resp'
	expect_log scmi_garbage_client_warns_unknown_type "$log" 'received unknown msg_type:1'
fi
expect_eq scmi_garbage_one_served "$(($(served $a2p) - s0))" 1

# ---- mode 1: NOT_SUPPORTED, the channel is never handed back ----
n0=$(dmesg | wc -l)
s0=$(served $a2p)
expect_eq scmi_not_supported_armed "$(fwcall_x0 $DIAG_FAULT $a2p $FAULT_NOT_SUPPORTED 1)" 0x0
read_once $RATE; a=$RV
read_once $RATE; b=$RV
read_once $RATE; c=$RV
log=$(klog_from "$n0")
echo "   (scmi not supported: reads '$a', '$b', '$c')"
expect_eq scmi_not_supported_read_fails_clk_reports_0 "$a" 0
expect_eq scmi_not_supported_recovered_by_the_third_read "$c" "$CLK_1_INIT"
expect_log scmi_not_supported_driver_logs_x0 "$log" \
	"mailbox-scmi: channel 0: function $BOARD_FID_SCMI_A2P returned -1\$"
if [ $on_send = 1 ]; then
	expect_no_log scmi_not_supported_client_fails_without_a_timeout "$log" 'timed out in resp'
else
	expect_log scmi_not_supported_client_times_out "$log" 'timed out in resp'
fi
expect_log scmi_not_supported_client_finds_the_channel_busy "$log" \
	'Timeout waiting for a free TX channel'

set -- $(fwcall $DIAG_FAULT $a2p $FAULT_NONE 0)
expect_eq scmi_faults_consumed "$(($2)) $(($3))" "0 2"
# SCMI is whole again: every clock's rate comes from the firmware and is right.
for i in 0 1 2 3; do
	eval "name=\$CLK_${i}_NAME init=\$CLK_${i}_INIT"
	expect_eq "scmi_clock_${name}_rate_after_the_faults" "$(rate "$name")" "$init"
done
exit $FAILED
