package dev.herd.portal.damage;

import dev.herd.contracts.problem.HerdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

/**
 * A tenant's contact mail alone (the {@code contactMail} of its damage settings, told of isolation orders and warning
 * reminders), changed without touching the rest of the settings and checked as {@code PUT …/damage-settings} checks it.
 */
@ApplicationScoped
public class ContactMailService {

    private final DamageSettingsRepository settings;
    private final Validator validator;

    public ContactMailService(DamageSettingsRepository settings, Validator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    /** The tenant's contact mail, or null when it has none. */
    @Transactional
    public String of(String tenantId) {
        return settings.of(tenantId).contactMail();
    }

    /** Sets (or, blank, removes) the contact mail; a value that is no mail address is a 400 and nothing is saved. */
    @Transactional
    public String save(String tenantId, String mail, String by) {
        String value = mail == null || mail.isBlank() ? null : mail.strip();
        DamageSettings current = settings.of(tenantId);
        DamageSettings changed = new DamageSettings(
                current.threshold(),
                current.profileWindowSeconds(),
                current.baselineWindows(),
                current.spreadWindowSeconds(),
                current.modes(),
                current.rateLimitPerSecond(),
                value);
        if (value != null && !value.contains("@")
                || !validator.validateProperty(changed, "contactMail").isEmpty()) {
            throw HerdException.badRequest(
                    "contact-mail-invalid", "contactMail: '" + shorten(mail) + "' is not a mail address.");
        }
        settings.save(tenantId, changed, by);
        return value;
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
    }
}
