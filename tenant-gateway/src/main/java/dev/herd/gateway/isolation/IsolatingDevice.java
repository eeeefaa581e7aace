package dev.herd.gateway.isolation;

/** A device at the client site that can cut a machine off the network (quarantine) and let it back (release). */
public interface IsolatingDevice {

    /**
     * Isolates the machine in the named segment: it may reach only what diagnosis needs (the gateway, DHCP, DNS). A
     * machine known only by its MAC address is held: it gets no address either until it is released.
     */
    void quarantine(Machine machine, String segment);

    /** Lets the machine back onto the network; releasing a machine that is not isolated changes nothing. */
    void release(Machine machine);
}
