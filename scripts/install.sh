#!/usr/bin/env bash
# Installs the fast `factcheck` command: a Release ReadyToRun build (precompiled, so short runs do not spend their time in
# start-up and unoptimized code), published to ~/.local/share/factcheck with a `factcheck` launcher in ~/.local/bin.
# The language data (data/lang, data/lexicon, data/boilerplate) is copied beside the binary; models/ and data/labels are
# read from the folder you run `factcheck` in (as with `dotnet run`).
# usage: scripts/install.sh [--prefix DIR]   (default DIR=~/.local; needs the .NET 10 SDK; RID from this machine)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$HOME/.local"
[ "${1:-}" = "--prefix" ] && prefix="$2"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Darwin ] && rid="osx-${rid#linux-}"
app="$prefix/share/factcheck"
echo "publishing $rid ReadyToRun build to $app"
dotnet publish "$here/src/FactCheck.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$app" > /tmp/factcheck-install.log 2>&1 \
  || { tail -20 /tmp/factcheck-install.log; exit 1; }
mkdir -p "$prefix/bin"
ln -sf "$app/factcheck" "$prefix/bin/factcheck"
echo "installed: $prefix/bin/factcheck"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "add $prefix/bin to PATH:  export PATH=\"$prefix/bin:\$PATH\"" ;; esac
