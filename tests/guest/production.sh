# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, booted on the production image (tools/qemu-run --image production): every
# diagnostic SiP call and the ECHO doorbell answer NOT_SUPPORTED and are not advertised, while
# Linux's own clients (arm_scpi's hwmon, SCMI's clocks) are served as on the test image.
. /qemu-run/lib.sh

NOT_SUPPORTED=0xffffffffffffffff

# Every BOARD_FID_DIAG_* board.h defines (board.env), so a diagnostic added later is covered.
# DIAG_EXIT would power the guest off here and DIAG_TRAP stop it at the next FP/SIMD use:
# answering at all proves they do not.
diags=$(sed -n 's/^BOARD_FID_DIAG_[A-Z_]*=//p' /qemu-run/board.env)
[ "$(echo $diags | wc -w)" -ge 9 ] && pass production_board_env_lists_the_diagnostics ||
	fail production_board_env_lists_the_diagnostics "found: $diags"
for f in $diags; do
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
