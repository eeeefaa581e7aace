package dev.herd.hub.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores one provider statement: finds the advisory it belongs to (same provider document, else any shared id or
 * alias), records the provenance, re-resolves the advisory and announces the change through the outbox, all in the
 * caller's transaction.
 */
@ApplicationScoped
public class AdvisoryMerger {

    private final AdvisoryRepository advisories;
    private final ProvenanceRepository provenance;
    private final Outbox outbox;
    private final ObjectMapper json;

    public AdvisoryMerger(
            AdvisoryRepository advisories, ProvenanceRepository provenance, Outbox outbox, ObjectMapper json) {
        this.advisories = advisories;
        this.provenance = provenance;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MergeOutcome merge(Submission submission, AdvisoryStatement statement) {
        Set<String> keys = CanonicalId.mergeKeys(statement);
        advisories.lockMergeKeys(keys);
        String hash = hash(statement);
        Optional<Provenance> previous = provenance.findByDocument(submission.providerId(), statement.documentId());
        if (previous.isPresent() && previous.get().statementHash.equals(hash)) {
            return new MergeOutcome(MergeOutcome.Kind.UNCHANGED, previous.get().advisoryId, List.of());
        }
        List<String> known = advisories.idsKnownBy(keys);
        String targetId = previous.map(p -> p.advisoryId).orElse(known.isEmpty() ? null : known.get(0));
        List<String> alsoMatched =
                known.stream().filter(id -> !id.equals(targetId)).toList();

        Provenance said = previous.orElseGet(Provenance::new);
        fill(said, submission, statement, hash);
        Advisory advisory;
        MergeOutcome.Kind kind;
        if (targetId == null) {
            advisory = new Advisory();
            advisory.id = CanonicalId.of(statement);
            advisory.createdAt = submission.receivedAt();
            said.advisoryId = advisory.id;
            AdvisoryResolver.resolve(advisory, List.of(said), submission.receivedAt());
            advisories.persist(advisory);
            provenance.persist(said);
            kind = MergeOutcome.Kind.CREATED;
        } else {
            advisory = advisories.findById(targetId);
            said.advisoryId = advisory.id;
            if (previous.isEmpty()) {
                provenance.persist(said);
            }
            provenance.flush();
            AdvisoryResolver.resolve(advisory, provenance.listFor(advisory.id), submission.receivedAt());
            kind = previous.isPresent() ? MergeOutcome.Kind.UPDATED : MergeOutcome.Kind.MERGED;
        }
        advisories.flush();
        Set<String> aliases = new LinkedHashSet<>(keys);
        aliases.add(advisory.id.toUpperCase(Locale.ROOT));
        advisories.addAliases(advisory.id, aliases);
        advisories.epssOf(advisory.id).ifPresent(score -> {
            advisory.epss = (BigDecimal) score[0];
            advisory.epssPercentile = (BigDecimal) score[1];
        });
        Set<AdvisoryRepository.PackageKey> packages = advisory.content.affected().stream()
                .map(a -> new AdvisoryRepository.PackageKey(a.ecosystem(), a.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        advisories.replacePackages(advisory.id, packages, kind == MergeOutcome.Kind.CREATED);
        outbox.enqueue(
                AdvisoryAnnouncement.address(advisory), advisory.id, AdvisoryAnnouncement.of(advisory, kind, packages));
        return new MergeOutcome(kind, advisory.id, alsoMatched);
    }

    /**
     * Withdraws an advisory by decision of the MSSP rather than of its providers: every statement stops standing, the
     * advisory resolves as withdrawn and a WITHDRAWN announcement goes out, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(String advisoryId, Instant now) {
        advisories.lockMergeKeys(Set.of(advisoryId.toUpperCase(Locale.ROOT)));
        Advisory advisory = advisories.findById(advisoryId);
        List<Provenance> said = provenance.listFor(advisoryId);
        said.forEach(p -> p.withdrawn = true);
        provenance.flush();
        AdvisoryResolver.resolve(advisory, said, now);
        advisories.flush();
        Set<AdvisoryRepository.PackageKey> packages = advisory.content.affected().stream()
                .map(a -> new AdvisoryRepository.PackageKey(a.ecosystem(), a.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        outbox.enqueue(
                AdvisoryAnnouncement.address(advisory),
                advisory.id,
                AdvisoryAnnouncement.of(advisory, MergeOutcome.Kind.UPDATED, packages));
    }

    /**
     * Announces an advisory again as it stands, in the caller's transaction: for changes that come from outside its
     * statements, such as a new EPSS score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reannounce(Advisory advisory) {
        Set<AdvisoryRepository.PackageKey> packages = advisory.content.affected().stream()
                .map(a -> new AdvisoryRepository.PackageKey(a.ecosystem(), a.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        outbox.enqueue(
                AdvisoryAnnouncement.address(advisory),
                advisory.id,
                AdvisoryAnnouncement.of(advisory, MergeOutcome.Kind.UPDATED, packages));
    }

    private static void fill(Provenance said, Submission submission, AdvisoryStatement statement, String hash) {
        said.providerId = submission.providerId();
        said.documentId = statement.documentId();
        said.format = submission.format();
        said.trustTier = submission.trustTier();
        said.verified = submission.verified();
        said.withdrawn = statement.withdrawn();
        said.statementHash = hash;
        said.statement = statement;
        said.documentModifiedAt = statement.modified();
        said.receivedAt = submission.receivedAt();
        said.submittedBy = submission.submittedBy();
    }

    private String hash(AdvisoryStatement statement) {
        try {
            byte[] canonical = json.writeValueAsString(statement).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash statement " + statement.documentId(), e);
        }
    }
}
