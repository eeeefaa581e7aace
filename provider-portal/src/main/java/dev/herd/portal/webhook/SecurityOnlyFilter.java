package dev.herd.portal.webhook;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/** Lets only the security event log ({@link SecurityLog#CATEGORY}) through: the syslog handler's filter. */
@LoggingFilter(name = "herd-security-only")
public final class SecurityOnlyFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        return logger != null && (logger.equals(SecurityLog.CATEGORY) || logger.startsWith(SecurityLog.CATEGORY + "."));
    }
}
