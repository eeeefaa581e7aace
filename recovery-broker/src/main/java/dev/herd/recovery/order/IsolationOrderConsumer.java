package dev.herd.recovery.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.isolation.IsolationOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Takes {@link IsolationOrder}s off {@value IsolationOrder#ADDRESS} and records each as a RECEIVED order for the
 * executor. Idempotent by order id: an order sent again (a new message with the same id) changes nothing.
 */
@ApplicationScoped
public class IsolationOrderConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(IsolationOrderConsumer.class);

    private final RecoveryOrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final ObjectMapper json;

    public IsolationOrderConsumer(RecoveryOrderRepository orders, OrderLifecycle lifecycle, ObjectMapper json) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.json = json;
    }

    @Override
    public String address() {
        return IsolationOrder.ADDRESS;
    }

    @Override
    public String subscription() {
        return "recovery-broker-orders";
    }

    @Override
    public void handle(String payload) {
        IsolationOrder message = read(payload);
        if (orders.findByIdOptional(message.orderId()).isPresent()) {
            LOG.infof("Order %s was received before; ignoring the copy", message.orderId());
            return;
        }
        Instant now = Instant.now();
        RecoveryOrder order = new RecoveryOrder();
        order.id = message.orderId();
        order.tenantId = message.tenantId();
        order.kind = OrderKind.valueOf(message.kind().name());
        order.state = OrderState.RECEIVED;
        order.mode = message.mode();
        order.isolationPoint = message.isolationPoint();
        order.segment = message.segment();
        order.orderJson = write(message);
        order.nextAttemptAt = now;
        order.createdAt = now;
        order.updatedAt = now;
        orders.persist(order);
        lifecycle.move(order, OrderState.RECEIVED, message.reason());
    }

    private IsolationOrder read(String payload) {
        IsolationOrder order;
        try {
            order = json.readValue(payload, IsolationOrder.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadMessageException("unreadable isolation order: " + firstLine(e.getMessage()), e);
        }
        if (order == null || order.orderId() == null || order.kind() == null) {
            throw new BadMessageException("an isolation order needs orderId and kind");
        }
        if (order.tenantId() == null || order.tenantId().isBlank()) {
            throw new BadMessageException("order " + order.orderId() + " names no tenant");
        }
        if (order.kind() == IsolationOrder.Kind.ISOLATE && order.mode() == null) {
            throw new BadMessageException("ISOLATE order " + order.orderId() + " names no mode");
        }
        if (order.kind() == IsolationOrder.Kind.RECOVER && order.playbook().isEmpty()) {
            throw new BadMessageException("RECOVER order " + order.orderId() + " has no playbook steps");
        }
        return order;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private String write(IsolationOrder order) {
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
