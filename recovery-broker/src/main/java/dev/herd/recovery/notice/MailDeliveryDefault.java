package dev.herd.recovery.notice;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Owner mail goes out by SMTP once {@code herd.recovery.mail.host} is set; until then Quarkus Mailer records it
 * ({@code quarkus.mailer.mock} defaults to true) rather than failing every send. An explicit
 * {@code quarkus.mailer.mock} wins.
 */
public class MailDeliveryDefault implements ConfigSourceInterceptor {

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
