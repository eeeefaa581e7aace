package dev.herd.agent.apply.check;

/** A check target {@code host:port} ({@code [v6-literal]:port} for IPv6). */
record HostPort(String host, int port) {

    static HostPort parse(String target) {
        if (target == null) {
            throw new IllegalArgumentException("target must be host:port");
        }
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new IllegalArgumentException("target must be host:port, not '" + target + "'");
        }
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(target.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target must be host:port, not '" + target + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + target + "'");
        }
        return new HostPort(host, port);
    }
}
