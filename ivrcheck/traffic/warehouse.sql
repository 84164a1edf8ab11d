-- ivrcheck traffic: the aggregate `ivrcheck traffic COUNTS.csv --line LINE` reads, counted in the warehouse.
--
-- For logs too big to move: run this where they live (DuckDB over Parquet or CSV files, or any
-- SQL engine with window functions: Athena, BigQuery, Snowflake) and hand ivrcheck the result,
-- a few rows per menu. It needs one view, `traffic_events`, with the plain CSV's columns
-- (docs/traffic.md): call_id, time (epoch seconds), node, event, key. For example, in DuckDB:
--
--   CREATE VIEW traffic_events AS SELECT * FROM read_csv('calls/*.csv', header = true, all_varchar = true);
--   CREATE VIEW traffic_events AS SELECT * FROM 'calls/*.parquet';
--   COPY (<this query>) TO 'counts.csv' (HEADER);
--
-- `time` is read as epoch seconds. For ISO 8601 times, replace `CAST(time AS DOUBLE)` below with
-- `epoch(CAST(time AS TIMESTAMPTZ))` (DuckDB) or `to_unixtime(from_iso8601_timestamp(time))` (Athena).
--
-- The counts are the ones the streaming reader makes, on logs that record each key press
-- (`key` events): a visit, a timeout, a wrong key and a lost caller count once per call and
-- menu, every key press counts, a hang-up counts at the menu the caller was last in. Moves
-- the design lacks (drift) need the design, so they come from the streaming reader only.

WITH events AS (
    SELECT call_id, CAST(time AS DOUBLE) AS t, coalesce(node, '') AS node, event, coalesce(key, '') AS key
    FROM traffic_events
),
calls AS (
    SELECT call_id, min(t) AS started,
           coalesce(max(CASE WHEN event = 'state' AND key IN ('open', 'closed') THEN key END), 'open') AS state
    FROM events GROUP BY call_id
),
placed AS (  -- every record with the node the call was at (a hang-up or a key with no node: the last one entered)
    SELECT e.call_id, e.t, e.event, e.key, c.state, c.started,
           coalesce(nullif(e.node, ''),
                    last_value(nullif(e.node, '') IGNORE NULLS) OVER (PARTITION BY e.call_id ORDER BY e.t
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), '') AS node
    FROM events e JOIN calls c USING (call_id)
)
SELECT state, '' AS node, 'calls' AS event, '' AS key, count(*) AS calls FROM calls GROUP BY state
UNION ALL
SELECT state, node, 'visit', '', count(DISTINCT call_id) FROM placed
    WHERE node <> '' AND event IN ('enter', 'key', 'timeout', 'invalid') GROUP BY state, node
UNION ALL
SELECT state, node, 'key', key, count(*) FROM placed WHERE event = 'key' GROUP BY state, node, key
UNION ALL
SELECT state, node, event, '', count(DISTINCT call_id) FROM placed
    WHERE event IN ('timeout', 'invalid', 'hangup') AND node <> '' GROUP BY state, node, event
UNION ALL
SELECT state, node, 'lost', '', count(DISTINCT call_id) FROM placed
    WHERE node <> '' AND (event IN ('timeout', 'invalid', 'hangup') OR (event = 'key' AND key = '0'))
    GROUP BY state, node
UNION ALL
SELECT state, '', 'to_person', CAST(least(3600, greatest(0, round(t - started))) AS INTEGER), count(*) FROM placed
    WHERE event = 'agent' GROUP BY state, 4
ORDER BY 1, 2, 3, 4
