# SPDX-License-Identifier: BSD-3-Clause
# Inside a 32-bit guest with tests/guest/stress.dtsi: the project's test client on the
# firmware's ECHO channel, in register mode (struct arm_smccc_mbox_msg in r1-r6, SMC32: what
# comes back is checked by the client) and in doorbell mode (the channel index in r1).
#   tools/qemu-run --arch arm --dt tests/guest/stress.dtsi --script tests/guest/arm32/mbox.sh
. /qemu-run/lib.sh

N=200
for cli in mboxclient-stress mboxclient-doorbell; do
	d=/sys/kernel/debug/mboxclient/firmware:$cli
	if [ ! -d $d ]; then
		fail "${cli}_probed" "no $d"
		continue
	fi
	mode=$(sed -n 's/^mode: //p' $d/stats)
	echo $N > $d/send || fail "${mode}_mode_send" "write failed"
	got=$(grep -E '^(sent|completed|errors|echo-mismatches|seq-gaps|seq-dups): ' $d/stats |
		tr '\n' ' ')
	expect_eq "${mode}_mode_${N}_messages_echoed" "$got" \
		"sent: $N completed: $N errors: 0 echo-mismatches: 0 seq-gaps: 0 seq-dups: 0 "
done
exit $FAILED
