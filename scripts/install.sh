#!/usr/bin/env bash
# Installs the fast `factcheck` command to ~/.local/share/factcheck with a `factcheck` launcher in ~/.local/bin:
#   - the native build (native AOT: no JIT, no start-up compilation) as `factcheck`: runs extract, stories and eval itself;
#   - the JIT build (Release, ReadyToRun: precompiled, re-optimized when hot) in jit/: `check`, `train`, `review` and `serve`
#     (they need ML.NET or ASP.NET, which native code cannot run); the native build hands those commands to it (execv).
# When the native build cannot be made (no AOT compiler package for this SDK), the JIT build alone is installed as
# `factcheck` and runs every command. The language data (data/lang, data/lexicon, data/boilerplate) is copied beside each
# binary, and the shipped models/triage and data/labels/bootstrap.jsonl at the top (the FactCheck home of the installed
# program; $FACTCHECK_HOME overrides it; src/FactCheck/Lang/DataPaths.cs).
# usage: scripts/install.sh [--prefix DIR] [--no-native]   (default DIR=~/.local; needs the .NET 10 SDK; RID from this machine)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$HOME/.local"; native=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --no-native) native=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Darwin ] && rid="osx-${rid#linux-}"
app="$prefix/share/factcheck"
log=/tmp/factcheck-install.log
rm -rf "$app.new"; mkdir -p "$app.new"
echo "publishing the $rid ReadyToRun build to $app/jit"
dotnet publish "$here/src/FactCheck.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$app.new/jit" > "$log" 2>&1 \
  || { tail -20 "$log"; exit 1; }
if [ "$native" = 1 ]; then
  echo "publishing the $rid native build to $app (a few minutes)"
  if ! dotnet publish "$here/src/FactCheck.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$app.new/native" >> "$log" 2>&1 \
     || [ ! -x "$app.new/native/factcheck" ]; then
    echo "native build failed (see $log); installing the JIT build alone" >&2; native=0
  fi
fi
if [ "$native" = 1 ]; then
  # the native program, its data and native libraries at the top, the JIT build in jit/ (debug symbols left out)
  find "$app.new/native" -maxdepth 1 \( -name '*.dbg' -o -name '*.pdb' -o -name '*.xml' \) -delete
  mv "$app.new/native"/* "$app.new/"; rmdir "$app.new/native"
else
  mv "$app.new/jit"/* "$app.new/"; rmdir "$app.new/jit"
fi
# the shipped triage model and bootstrap labels beside the program, so an installed `check` scores with the model
# (DataPaths.Home: the nearest folder above the program with data/lang and models/triage/model.zip); decisions made with
# the installed program are kept there too (data/labels)
mkdir -p "$app.new/models/triage" "$app.new/data/labels"
cp "$here/models/triage/model.zip" "$here/models/triage/metadata.json" "$app.new/models/triage/"
[ -f "$here/data/labels/bootstrap.jsonl" ] && cp "$here/data/labels/bootstrap.jsonl" "$app.new/data/labels/"
[ -d "$app/data/labels" ] && cp -n "$app/data/labels/"*.jsonl "$app.new/data/labels/" 2>/dev/null || true
rm -rf "$app.old"; [ -e "$app" ] && mv "$app" "$app.old"
mv "$app.new" "$app"; rm -rf "$app.old"
mkdir -p "$prefix/bin"
ln -sf "$app/factcheck" "$prefix/bin/factcheck"
echo "installed: $prefix/bin/factcheck ($([ "$native" = 1 ] && echo "native, with the JIT build in $app/jit" || echo "JIT build"))"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "add $prefix/bin to PATH:  export PATH=\"$prefix/bin:\$PATH\"" ;; esac
