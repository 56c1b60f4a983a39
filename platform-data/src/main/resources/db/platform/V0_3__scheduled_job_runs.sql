-- One row per scheduled job: when a replica last took its turn. A replica runs a job only when it
-- holds the job's advisory lock and the last run is at least most of a period old, so that with
-- several replicas each job runs once per period, and another replica takes over when one stops.
CREATE TABLE platform_job_run (
    job          text PRIMARY KEY,
    last_started timestamptz NOT NULL,
    runner       text NOT NULL
);
