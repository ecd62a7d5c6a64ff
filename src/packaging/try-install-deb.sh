#!/bin/sh
# Installs target/jpackage/wiredesk_*.deb for real (apt-get, so its postinst runs and its dependencies come from the
# machine's Debian mirror), runs the installed command, then removes the package again, all inside a private mount
# namespace whose /usr, /etc, /var and /opt are overlays: the machine itself is left as it was. Needs root and
# unshare (util-linux). See docs/install.md.
set -eu
deb=$(ls "$(dirname "$0")"/../../target/jpackage/wiredesk_*.deb)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$deb" "$work/"
for d in usr etc var opt; do mkdir -p "$work/up-$d" "$work/wk-$d"; done
unshare -m sh -eu -c '
work=$1
mount --make-rprivate /
for d in usr etc var opt; do
    mount -t overlay overlay -o lowerdir=/$d,upperdir=$work/up-$d,workdir=$work/wk-$d /$d
done
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends "$work"/wiredesk_*.deb > "$work/install.log" 2>&1 \
    || { tail -20 "$work/install.log"; exit 1; }
dpkg -s wiredesk | grep -E "^(Status|Version):"
echo "wiredesk on the PATH: $(command -v wiredesk) -> $(readlink -f "$(command -v wiredesk)")"
WIREDESK_HOME=$(mktemp -d) wiredesk --version
echo "desktop entry: $(ls /usr/share/applications/wiredesk.desktop)"
echo "icons in the hicolor theme: $(find /usr/share/icons/hicolor -name wiredesk.png | sort | tr "\n" " ")"
apt-get remove -y -q wiredesk > "$work/remove.log" 2>&1 || { tail -20 "$work/remove.log"; exit 1; }
echo "after removal: $(ls /usr/bin/wiredesk 2>/dev/null || echo "no /usr/bin/wiredesk"), \
$(find /usr/share/icons/hicolor /usr/share/applications -name "wiredesk*" | wc -l) icons or entries left, \
$(ls /opt/wiredesk 2>/dev/null | wc -l) files left in /opt/wiredesk"
' sh "$work"
