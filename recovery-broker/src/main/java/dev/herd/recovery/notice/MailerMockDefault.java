package dev.herd.recovery.notice;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Makes {@code quarkus.mailer.mock} default to true unless {@code herd.recovery.mail.host} is set: a broker without
 * a mail server records owner mails instead of failing to send them. An explicit {@code quarkus.mailer.mock} wins.
 */
public class MailerMockDefault implements ConfigSourceInterceptor {

    private static final String MOCK = "quarkus.mailer.mock";
    private static final String HOST = "herd.recovery.mail.host";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!MOCK.equals(name) || value != null) {
            return value;
        }
        ConfigValue host = context.proceed(HOST);
        boolean mock =
                host == null || host.getValue() == null || host.getValue().isBlank();
        return ConfigValue.builder()
                .withName(MOCK)
                .withValue(String.valueOf(mock))
                .build();
    }
}
