package dev.herd.gateway.monitor;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.gateway.agent.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/** Persistence of flow records: one JDBC batch per request, on the caller's transaction's connection. */
@ApplicationScoped
public class MonitorRecordRepository {

    private static final String INSERT = "INSERT INTO monitor_record (tenant_id, agent_id, flow_time, source,"
            + " destination, protocol, port, bytes, signature, received_at)"
            + " VALUES (?, ?, ?, CAST(? AS inet), CAST(? AS inet), ?, ?, ?, ?, ?)";

    private final EntityManager entities;

    public MonitorRecordRepository(EntityManager entities) {
        this.entities = entities;
    }

    public void insert(Agent agent, List<FlowRecord> flows, Instant receivedAt) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                OffsetDateTime received = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
                for (FlowRecord flow : flows) {
                    insert.setString(1, agent.tenantId);
                    insert.setObject(2, agent.id);
                    insert.setObject(3, OffsetDateTime.ofInstant(flow.time(), ZoneOffset.UTC));
                    insert.setString(4, flow.source());
                    insert.setString(5, flow.destination());
                    insert.setString(6, flow.protocol());
                    if (flow.port() == null) {
                        insert.setNull(7, Types.INTEGER);
                    } else {
                        insert.setInt(7, flow.port());
                    }
                    insert.setLong(8, flow.bytes());
                    insert.setString(9, flow.signature());
                    insert.setObject(10, received);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
