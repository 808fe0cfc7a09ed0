#!/bin/sh
# Install every Debian package the build and the test harness need.
# Idempotent: packages already present are skipped, so a warm machine pays
# only for one dpkg query.
set -eu

PACKAGES="
	linux-source-6.1 linux-source-6.12
	build-essential g++ flex bison bc libelf-dev libssl-dev kmod cpio xz-utils
	sparse device-tree-compiler python3 python3-docutils
	v4l-utils dkms
	gcc-arm-linux-gnueabihf g++-arm-linux-gnueabihf binutils-arm-linux-gnueabihf
	libc6-dev-armhf-cross
	qemu-system-arm
"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

[ -z "$missing" ] && exit 0

echo "install-host-deps: installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
