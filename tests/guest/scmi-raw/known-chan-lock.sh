# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (6.12-debug): the minimal reproducer of a lockdep report in Linux itself
# (README, "Known issues"). One SCMI message through raw mode on the mailbox transport's
# instance: Linux's raw mode sends it from the writer's context (raw_mode.c,
# scmi_do_xfer_raw_start -> send_message) and releases the channel from its worker
# (scmi_xfer_raw_worker -> mark_txdone); the mailbox transport's send_message takes a mutex,
# smbox->chan_lock, that only mark_txdone drops (transports/mailbox.c). So the writing task
# returns to user space holding a mutex that another task then unlocks, and lockdep says
# "lock held when returning to user space!". Nothing of the project is involved: the same
# message through Linux's own SCMI drivers (send and mark_txdone in one task) reports nothing.
#
# The runner then exits 125; run-guest-tests accepts exactly that report and nothing else
# (guest_script_known). The lines here prove it is this lock, taken at this place.
. /qemu-run/lib.sh

raw=
for d in /sys/kernel/debug/scmi/*; do
	[ "$(cat "$d/transport/type" 2> /dev/null)" = arm,scmi ] && raw=$d/raw
done
[ -n "$raw" ] && pass raw_mode_on_the_mailbox_instance ||
	fail raw_mode_on_the_mailbox_instance "no arm,scmi instance under /sys/kernel/debug/scmi"

n0=$(dmesg | wc -l)
# BASE (0x10) PROTOCOL_VERSION (0), token 1: one write of the 32-bit header, little-endian.
printf '\000\100\004\000' > /tmp/req
dd if=/tmp/req of="$raw/message" bs=4 2> /dev/null
reply=$(dd if="$raw/message" bs=4096 count=1 2> /dev/null | od -An -tx4 | tr -s ' \n' '  ')
set -- $reply
expect_eq raw_base_version_answered "${2:-none}" 00000000

report=$(dmesg | tail -n +$((n0 + 1)) | grep -A6 'lock held when returning to user space')
echo "$report" | grep -q 'dd/[0-9]* is leaving the kernel with locks still held' &&
	pass report_names_the_writing_task || fail report_names_the_writing_task "$(echo "$report" | head -n 3)"
echo "$report" | grep -q 'smbox->chan_lock.*at: mailbox_send_message' &&
	pass report_names_chan_lock_taken_in_mailbox_send_message ||
	fail report_names_chan_lock_taken_in_mailbox_send_message "$(echo "$report" | tail -n 3)"
exit $FAILED
