# Sourced by bin/dev and .ci/run: points JAVA_HOME at a JDK 25 or explains what is missing.
# Looks at JAVA_HOME, then the usual install places, then the `java` on the PATH.

usermodels_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "25([."]|$)'
}

usermodels_use_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*-25* /usr/lib/jvm/*25* \
      /Library/Java/JavaVirtualMachines/*25*/Contents/Home \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -n "$candidate" ] && usermodels_is_jdk25 "$candidate"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "usermodels needs a JDK 25 (Temurin 25 works): none found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
  echo "Install one and set JAVA_HOME to it, e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64" >&2
  return 1
}
