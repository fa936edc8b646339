# Sourced by the bench scripts: the checkout they belong to, the java they run, and a check for
# the tools they need. Nothing here depends on a path outside the checkout.

# The checkout's root: the directory above this file, also when a script is reached through a link.
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
telar="$root/telar"
peers="$root/bench/peers"

# The java the launcher uses too: $JAVA_HOME/bin/java when JAVA_HOME is set, else the one on PATH.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$JAVA_HOME/bin/java"
else
  java_bin=$(command -v java || true)
fi

# needs TOOL... : stops the script with one line naming the first tool that is not installed.
needs() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool is not installed" >&2; exit 1; }
  done
}

# One line about the machine and the java, for the head of a report.
machine_line() {
  echo "machine: $(nproc) logical cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$("$java_bin" -version 2>&1 | head -1), $(python3 --version 2>&1), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
