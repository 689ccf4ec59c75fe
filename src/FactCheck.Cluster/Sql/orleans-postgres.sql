-- FactCheck's PostgreSQL schema for Orleans' ADO.NET clustering and reminder providers
-- (Microsoft.Orleans.Clustering.AdoNet and Microsoft.Orleans.Reminders.AdoNet 10.4.2), written for this project.
--
-- The providers hold no SQL of their own: at start they run "SELECT QueryKey, QueryText FROM OrleansQuery" and then
-- execute the text stored under each key, binding parameters by name (@DeploymentId, @Address, @Port, @Generation, ...)
-- and reading result columns by name ("Version", "Address", "StartTime", ...). So the contract is: the key names, the
-- parameter names and the result column names; the tables behind them are ours. Every statement below is safe to run
-- again (IF NOT EXISTS, OR REPLACE, ON CONFLICT DO UPDATE): ClusterSchema applies this file at every silo start, in one
-- transaction under an advisory lock, so silos starting together do not race and an upgrade replaces the query texts.
--
-- Times are timestamptz; the providers bind DateTime in UTC, and ClusterSchema opens the connections with Timezone=UTC.

-- The membership tables of the hand-written provider this replaces (FactCheck's PostgresMembership, until schema 3):
-- only a running silo reads them, so they go.
DROP TABLE IF EXISTS orleans_membership;
DROP TABLE IF EXISTS orleans_membership_version;

-- The queries, by the key the providers ask for. Unquoted names: the providers' "OrleansQuery"/"QueryKey" fold to these.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster (Orleans' ClusterId, which the providers call DeploymentId): the membership table's version.
-- Every change of membership locks this row first and bumps the version, so changes are serialized and a silo that
-- read an older version cannot write.
CREATE TABLE IF NOT EXISTS orleans_cluster_version (
    cluster_id text PRIMARY KEY,
    version    integer NOT NULL DEFAULT 0,
    changed    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation, the start time Orleans stamps on a silo).
CREATE TABLE IF NOT EXISTS orleans_silos (
    cluster_id    text NOT NULL,
    address       varchar(45) NOT NULL,
    port          integer NOT NULL,
    generation    integer NOT NULL,
    silo_name     text NOT NULL,
    host_name     text NOT NULL,
    status        integer NOT NULL,
    proxy_port    integer NOT NULL,
    suspect_times text,
    start_time    timestamptz NOT NULL,
    iamalive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Reminders of a service (Orleans' ServiceId): one row per grain and reminder name; grain_hash is the grain's uniform
-- hash as a signed integer, by which each silo reads the part of the ring it owns; version is the row's etag.
CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    text NOT NULL,
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint NOT NULL,
    grain_hash    integer NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

-- A silo joins (InsertMembershipKey): only when the cluster's version is still the one the silo read and the silo is
-- not in the table yet; then the version goes up. False, and nothing written, otherwise.
CREATE OR REPLACE FUNCTION factcheck_orleans_join(
    p_cluster text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    -- FOR UPDATE waits for a concurrent change and then sees its new version, so two joins on one version cannot both win
    PERFORM 1 FROM orleans_cluster_version WHERE cluster_id = p_cluster AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    IF EXISTS (SELECT 1 FROM orleans_silos
               WHERE cluster_id = p_cluster AND address = p_address AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;
    INSERT INTO orleans_silos (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                               suspect_times, start_time, iamalive_time)
    VALUES (p_cluster, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
            NULL, p_start, p_alive);
    UPDATE orleans_cluster_version SET version = version + 1, changed = now() WHERE cluster_id = p_cluster;
    RETURN true;
END
$fn$;

-- A silo's row changes (UpdateMembershipKey: status, suspicions, I-am-alive), under the same rule.
CREATE OR REPLACE FUNCTION factcheck_orleans_change(
    p_cluster text, p_address text, p_port integer, p_generation integer, p_status integer, p_suspect text,
    p_alive timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1 FROM orleans_cluster_version WHERE cluster_id = p_cluster AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_silos SET status = p_status, suspect_times = p_suspect, iamalive_time = p_alive
    WHERE cluster_id = p_cluster AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_cluster_version SET version = version + 1, changed = now() WHERE cluster_id = p_cluster;
    RETURN true;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- ---------------------------------------------------------------- membership (Clustering.AdoNet)

('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_cluster_version (cluster_id) VALUES (@DeploymentId) ON CONFLICT (cluster_id) DO NOTHING RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.iamalive_time AS "IAmAliveTime"
FROM orleans_cluster_version v
LEFT JOIN orleans_silos s ON s.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS "Version", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.iamalive_time AS "IAmAliveTime"
FROM orleans_cluster_version v
LEFT JOIN orleans_silos s ON s.cluster_id = v.cluster_id
     AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.cluster_id = @DeploymentId
$q$),

('InsertMembershipKey', $q$
SELECT factcheck_orleans_join(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                              @StartTime, @IAmAliveTime, @Version)
$q$),

('UpdateMembershipKey', $q$
SELECT factcheck_orleans_change(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version)
$q$),

-- I-am-alive is a heartbeat for people and tools, not a change of membership: no version bump
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_silos SET iamalive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_silos
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
WITH silos AS (DELETE FROM orleans_silos WHERE cluster_id = @DeploymentId)
DELETE FROM orleans_cluster_version WHERE cluster_id = @DeploymentId
$q$),

-- dead silos (status 6, SiloStatus.Dead) last heard of before the cut-off
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_silos
WHERE cluster_id = @DeploymentId AND status = 6 AND iamalive_time < @IAmAliveTime
$q$),

-- one dead silo, only if its row is still exactly what the provider read (it decides the cut-off itself)
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_silos
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation AND status = 6
  AND start_time = @StartTime AND iamalive_time = @IAmAliveTime AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$q$),

-- ---------------------------------------------------------------- reminders (Reminders.AdoNet)

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- a range of the hash ring that does not wrap (begin < end, as signed integers): (begin, end]
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- a range that wraps around: (begin, max] and [min, end]
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- returns the row's new etag
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
        version = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$),

-- deletes only under the etag the caller holds; says whether it did
('DeleteReminderRowKey', $q$
WITH gone AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM gone)
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
