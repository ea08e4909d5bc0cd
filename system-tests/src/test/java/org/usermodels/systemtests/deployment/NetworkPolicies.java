package org.usermodels.systemtests.deployment;

import static org.usermodels.systemtests.deployment.RenderedOverlay.list;
import static org.usermodels.systemtests.deployment.RenderedOverlay.map;
import static org.usermodels.systemtests.deployment.RenderedOverlay.resolvePort;
import static org.usermodels.systemtests.deployment.RenderedOverlay.string;

import java.util.List;
import java.util.Map;

/**
 * What the NetworkPolicies of a rendered overlay allow, evaluated as the API specifies: a pod that no policy of a
 * direction selects is open in that direction; a selected pod accepts only what some rule of a selecting policy
 * allows; a connection needs both the client's egress and the server's ingress. Peers are the overlay's pods,
 * a pod in another namespace, or a client outside the cluster.
 */
final class NetworkPolicies {

    /** Who takes part in a connection. */
    sealed interface Peer {}

    /** A pod: its labels, its namespace's labels and its containers (for named ports). */
    record Pod(
            String name,
            Map<String, Object> labels,
            Map<String, Object> namespaceLabels,
            List<Map<String, Object>> containers)
            implements Peer {}

    /**
     * A client outside the namespace whose labels are unknown: a browser behind a load balancer, or an Ingress
     * controller in its own namespace. A rule that could let such a client in counts as letting it in.
     */
    record Outside() implements Peer {}

    private final String namespace;
    private final List<Map<String, Object>> policies;

    NetworkPolicies(RenderedOverlay overlay) {
        this.policies = overlay.ofKind("NetworkPolicy");
        this.namespace = overlay.namespace();
    }

    /** A workload's pod, in the overlay's namespace. */
    Pod pod(Map<String, Object> workload) {
        return new Pod(
                RenderedOverlay.nameOf(workload),
                RenderedOverlay.podLabels(workload),
                Map.of("kubernetes.io/metadata.name", namespace),
                RenderedOverlay.containers(workload));
    }

    boolean allows(Peer client, Peer server, int port, String protocol) {
        return allowsIn(Direction.EGRESS, client, server, port, protocol)
                && allowsIn(Direction.INGRESS, server, client, port, protocol);
    }

    private enum Direction {
        INGRESS("Ingress", "ingress", "from"),
        EGRESS("Egress", "egress", "to");

        final String type;
        final String rules;
        final String peers;

        Direction(String type, String rules, String peers) {
            this.type = type;
            this.rules = rules;
            this.peers = peers;
        }
    }

    /** Whether the policies of {@code subject} let it take part with {@code other} in this direction. */
    private boolean allowsIn(Direction direction, Peer subject, Peer other, int port, String protocol) {
        // Only the overlay's own pods are subject to its policies.
        if (!(subject instanceof Pod pod)
                || !namespace.equals(pod.namespaceLabels().get("kubernetes.io/metadata.name"))) {
            return true;
        }
        var selecting = policies.stream()
                .filter(policy ->
                        Selectors.matches(map(RenderedOverlay.at(policy, "spec", "podSelector")), pod.labels()))
                .filter(policy -> types(policy).contains(direction.type))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        // Named ports are those of the pod that listens: the subject for ingress, the other side for egress.
        var listener = direction == Direction.INGRESS ? pod : other;
        return selecting.stream()
                .flatMap(policy -> list(RenderedOverlay.at(policy, "spec", direction.rules)).stream())
                .anyMatch(rule -> portsMatch(rule, port, protocol, listener)
                        && peersMatch(list(rule.get(direction.peers)), rule.containsKey(direction.peers), other));
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> policy) {
        var spec = map(policy.get("spec"));
        if (spec.get("policyTypes") instanceof List<?> declared) {
            return (List<String>) declared;
        }
        return spec.containsKey("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean portsMatch(Map<String, Object> rule, int port, String protocol, Peer listener) {
        var ports = list(rule.get("ports"));
        if (ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(entry -> {
            if (!string(entry.get("protocol"), "TCP").equals(protocol)) {
                return false;
            }
            if (!entry.containsKey("port")) {
                return true;
            }
            var number = listener instanceof Pod pod
                    ? resolvePort(entry.get("port"), pod.containers())
                    : entry.get("port") instanceof Number n ? n.intValue() : -1;
            var end = entry.get("endPort") instanceof Number n ? n.intValue() : number;
            return number != -1 && number <= port && port <= end;
        });
    }

    private boolean peersMatch(List<Map<String, Object>> peers, boolean declared, Peer other) {
        if (!declared || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(Map<String, Object> peer, Peer other) {
        if (peer.containsKey("ipBlock")) {
            // Addresses outside the cluster; whether pod addresses count is left to the network plugin.
            return other instanceof Outside;
        }
        var podSelector = map(peer.get("podSelector"));
        if (peer.containsKey("namespaceSelector")) {
            return switch (other) {
                case Outside outside -> true;
                case Pod pod ->
                    Selectors.matches(map(peer.get("namespaceSelector")), pod.namespaceLabels())
                            && Selectors.matches(podSelector, pod.labels());
            };
        }
        return other instanceof Pod pod
                && namespace.equals(pod.namespaceLabels().get("kubernetes.io/metadata.name"))
                && Selectors.matches(podSelector, pod.labels());
    }
}
