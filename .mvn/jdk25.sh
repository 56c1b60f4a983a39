# Sourced by ./mvnw, ./run.sh and .ci/run: the suite builds and runs on Java 25. Uses JAVA_HOME when
# it is a JDK 25 or newer, else the first one in the usual install folders; otherwise stops and
# says what to install. POSIX sh (./mvnw is a sh script).
jdk25_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
jdk25_find() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* \
    /opt/java/* /opt/jdk* /usr/local/opt/openjdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then
      v=$(jdk25_version "$candidate")
      if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then
        echo "$candidate"
        return 0
      fi
    fi
  done
  return 1
}
if jdk25_home=$(jdk25_find); then
  JAVA_HOME=$jdk25_home
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
else
  echo "This suite needs a JDK 25 (Java 25 LTS). None was found in JAVA_HOME or the usual folders" >&2
  echo "(/usr/lib/jvm, /opt/java, /Library/Java/JavaVirtualMachines, ~/.sdkman)." >&2
  echo "Install one, e.g. Eclipse Temurin 25 (apt: temurin-25-jdk from packages.adoptium.net;" >&2
  echo "or https://adoptium.net), then run again or set JAVA_HOME to it." >&2
  exit 1
fi
