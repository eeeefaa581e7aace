package dev.herd.agent.network;

/** A socket waiting for peers: protocol (tcp, tcp6, udp, udp6), local address and port, and its process if known. */
public record ListeningSocket(String protocol, String address, int port, long inode, Integer pid, String process) {

    public ListeningSocket withOwner(Integer ownerPid, String ownerProcess) {
        return new ListeningSocket(protocol, address, port, inode, ownerPid, ownerProcess);
    }
}
