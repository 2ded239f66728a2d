# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, booted on the production image (tools/qemu-run --image production): every
# diagnostic SiP call and the ECHO doorbell answer NOT_SUPPORTED and are not advertised, while
# Linux's own clients (arm_scpi's hwmon, SCMI's clocks) are served as on the test image.
. /qemu-run/lib.sh

NOT_SUPPORTED=0xffffffffffffffff

for f in $BOARD_FID_DIAG_EXIT $BOARD_FID_DIAG_COUNTERS $BOARD_FID_DIAG_ECHO \
	$BOARD_FID_DIAG_CHANNEL_COUNT $BOARD_FID_DIAG_TIMING $BOARD_FID_DIAG_FAULT; do
	# DIAG_EXIT would power the guest off here: answering at all proves it does not.
	expect_eq "production_diag_${f}_not_supported" "$(fwcall $f 0 1 1 0)" \
		"$NOT_SUPPORTED 0x0 0x0 0x0"
	expect_eq "production_diag_${f}_not_advertised" "$(fwcall_x0 0x80000001 $f)" $NOT_SUPPORTED
done
expect_eq production_echo_doorbell_not_supported "$(fwcall $BOARD_FID_TEST 0x1111 0x2222)" \
	"$NOT_SUPPORTED 0x0 0x0 0x0"
expect_eq production_scpi_doorbell_advertised "$(fwcall_x0 0x80000001 $BOARD_FID_SCPI_LOW)" 0x0

hw=
for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] && hw=$h
done
if [ -n "$hw" ] && [ "$(cat $hw/temp1_input 2>/dev/null)" -gt 0 ] 2>/dev/null; then
	pass production_scpi_sensors_served
else
	fail production_scpi_sensors_served "no scpi_sensors hwmon reading"
fi
line=$(dmesg | grep "SCMI Protocol v")
case $line in
*"SCMI Protocol v2.0 'ArmSMCMbox:QEMU-virt'"*) pass production_scmi_base_discovery ;;
*) fail production_scmi_base_discovery "dmesg: '$line'" ;;
esac
exit $FAILED
