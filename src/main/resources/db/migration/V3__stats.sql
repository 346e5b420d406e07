-- Subscriber statistics in cluster mode: every replica hashes a reader with the day's salt (shared
-- here, never sent anywhere else), so that one reader answered by several replicas counts once.

create table stats_salt (
    day date primary key,
    salt bytea not null
);

-- Distinct readers (hashes of address and User-Agent) of each feed, per day.
create table stats_reader (
    day date not null,
    feed text not null,
    reader bigint not null,
    primary key (day, feed, reader)
);

-- The subscriber counts aggregators report in their User-Agent, the latest per aggregator.
create table stats_aggregator (
    day date not null,
    feed text not null,
    aggregator text not null,
    subscribers bigint not null,
    primary key (day, feed, aggregator)
);
