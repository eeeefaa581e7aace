package dev.herd.agent.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signature hits the kernel logs to an NFLOG group, read from a running {@code tcpdump -i nflog:GROUP -tt -nn -l
 * -X -s 0}: each logged packet is parsed ({@link NflogDump}, {@link IpPacket}), named by the signature it hit
 * ({@link SignatureCatalogue}) and queued as a flow carrying that signature. Unreadable lines, packets no known
 * signature explains and, when only canaries are reported, other hits are counted and skipped.
 */
final class NflogFeed implements AutoCloseable {

    private final FlowQueue queue;
    private final MonitorHits hits;
    private final NflogDump dump = new NflogDump();
    private final LineProcess process;
    private volatile SignatureCatalogue catalogue = SignatureCatalogue.EMPTY;
    private long unattributed;
    private long skipped;

    /** @param tcpdump how to start tcpdump, e.g. {@code [tcpdump]} or {@code [nsenter, -t, PID, -n, tcpdump]} */
    NflogFeed(List<String> tcpdump, int group, MonitorHits hits, FlowQueue queue) {
        List<String> full = new ArrayList<>(tcpdump);
        full.addAll(List.of("-i", "nflog:" + group, "-tt", "-nn", "-l", "-X", "-s", "0"));
        this.queue = queue;
        this.hits = hits;
        this.process = new LineProcess(full, "herd-nflog", this::add);
    }

    /** Starts tcpdump unless it runs; the reason it had stopped (empty on the first start or when it runs). */
    Optional<String> ensureRunning() {
        return process.ensureRunning();
    }

    /** The rules hits are named after from now on. */
    void use(SignatureCatalogue rules) {
        this.catalogue = rules;
    }

    /** Takes one line as tcpdump wrote it. */
    synchronized void add(String line) {
        Optional<NflogDump.Captured> captured = dump.accept(line);
        if (captured.isEmpty()) {
            return;
        }
        Optional<IpPacket> packet = IpPacket.parse(captured.get().bytes());
        Optional<String> signature = packet.flatMap(catalogue::signatureOf);
        if (signature.isEmpty()) {
            unattributed++;
            return;
        }
        if (hits == MonitorHits.CANARY && !signature.get().startsWith("HERD-CANARY-")) {
            skipped++;
            return;
        }
        IpPacket hit = packet.get();
        queue.add(new Flow(
                captured.get().time().toString(),
                hit.source(),
                hit.destination(),
                hit.protocol(),
                hit.port(),
                hit.length(),
                signature.get()));
    }

    /** Lines and packets tcpdump printed that could not be read. */
    synchronized long unreadable() {
        return dump.unreadable();
    }

    /** Packets read whole that no canary or rule of the chain explains (a rule withdrawn meanwhile). */
    synchronized long unattributed() {
        return unattributed;
    }

    /** Signature hits not reported because only canaries are. */
    synchronized long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        process.close();
    }
}
