#!/bin/sh
# CI only: install the Debian programs that some tests use as independent oracles (pandoc,
# biber, bibtex, xmllint, php, unzip, zsh, fish; tmux for the quiz's terminal test; python3 for a non-blocking stdin). Without CI
# they are optional: those tests say so in one line and are skipped (test/helpers/oracle.ts).
set -eu
need=
command -v pandoc >/dev/null || need="$need pandoc"
command -v biber >/dev/null || need="$need biber"
command -v bibtex >/dev/null || need="$need texlive-binaries texlive-base"
command -v xmllint >/dev/null || need="$need libxml2-utils"
command -v php >/dev/null || need="$need php-cli php-xml"
command -v unzip >/dev/null || need="$need unzip"
command -v zsh >/dev/null || need="$need zsh"
command -v fish >/dev/null || need="$need fish"
command -v tmux >/dev/null || need="$need tmux"
command -v python3 >/dev/null || need="$need python3"
[ -z "$need" ] && exit 0
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "ensure-oracles: installing$need" >&2
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >&2
