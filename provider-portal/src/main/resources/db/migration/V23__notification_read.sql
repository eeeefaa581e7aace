-- Notifications (issue 13) are derived from the tables they tell about (damage cases, escalated isolation orders,
-- warnings, known-exploited findings); only who has read which is stored, by the notification's key.
CREATE TABLE notification_read (
    username         VARCHAR(255) NOT NULL,
    notification_key VARCHAR(300) NOT NULL,
    read_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, notification_key)
);
