package org.usermodels.systemtests.deployment;

import java.util.regex.Pattern;

/**
 * The memory settings of a service's image ({@code JAVA_TOOL_OPTIONS} in its Dockerfile), and what the JVM needs
 * under a container's memory limit: the heap's share, the caps on metaspace and code cache, and a reserve for
 * what has no cap (GC structures, thread stacks, NIO buffers), taken from the services as measured under the
 * benchmark's load. Without a cap, metaspace and code cache count at what the services were seen to use at most.
 */
record JvmMemory(int heapPercentage, int metaspaceMiB, int codeCacheMiB) {

    /** GC structures, thread stacks, NIO and Netty buffers, the JVM's own code: what no option caps. */
    static final int RESERVE_MIB = 96;

    /** Without a cap, what the services were seen to use (user-service's metaspace, the code cache at its peak). */
    static final int UNCAPPED_METASPACE_MIB = 130;

    static final int UNCAPPED_CODE_CACHE_MIB = 60;

    static JvmMemory of(String dockerfile) {
        var options = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
        if (!options.find()) {
            throw new IllegalArgumentException("no JAVA_TOOL_OPTIONS in the Dockerfile");
        }
        var line = options.group(1);
        return new JvmMemory(
                option(line, "-XX:MaxRAMPercentage=(\\d+)", 25),
                option(line, "-XX:MaxMetaspaceSize=(\\d+)m", UNCAPPED_METASPACE_MIB),
                option(line, "-XX:ReservedCodeCacheSize=(\\d+)m", UNCAPPED_CODE_CACHE_MIB));
    }

    /** What the JVM may take, at most, under a limit of {@code limitMiB}. */
    int neededMiB(int limitMiB) {
        return limitMiB * heapPercentage / 100 + metaspaceMiB + codeCacheMiB + RESERVE_MIB;
    }

    private static int option(String line, String pattern, int otherwise) {
        var found = Pattern.compile(pattern).matcher(line);
        return found.find() ? Integer.parseInt(found.group(1)) : otherwise;
    }
}
