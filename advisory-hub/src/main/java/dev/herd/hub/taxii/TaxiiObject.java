package dev.herd.hub.taxii;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of one STIX object in the TAXII collection, with when the collection got it ({@code date_added}). */
@Entity
@Table(name = "taxii_object")
public class TaxiiObject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "stix_id", nullable = false)
    public String stixId;

    @Column(name = "stix_type", nullable = false)
    public String stixType;

    /** The object's {@code modified} (or {@code created} for objects that have no {@code modified}). */
    @Column(nullable = false)
    public Instant version;

    @Column(name = "date_added", nullable = false)
    public Instant dateAdded;

    /** True on the newest version of the object only. */
    @Column(nullable = false)
    public boolean latest;

    /** The STIX object as served (JSON text, member order kept). */
    @Column(nullable = false)
    public String object;
}
