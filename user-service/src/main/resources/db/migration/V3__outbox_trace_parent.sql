-- The trace an event belongs to: the W3C traceparent (00-<trace id>-<span id>-<flags>) of the request, or
-- the scheduled job, that wrote it. The relay delivers the event as a child of that span, so one trace runs
-- from the client's request through the outbox to profile-service's intake (docs/observability.md).
-- Null for events written outside any trace, and for those written before this column existed.
alter table outbox_events add column trace_parent varchar(55);
