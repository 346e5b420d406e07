-- The WebSub hub in cluster mode: subscriptions every replica shares, each claimed by one replica
-- while a delivery to it is made, a log of deliveries, and the pings sent to public hubs.

create table websub_subscription (
    topic text not null,
    callback text not null,
    host text not null,
    secret text,
    expires_at timestamptz not null,
    -- the ETag of the last version delivered or given up on
    delivered text not null default '',
    -- the replica making a delivery to it now, until when
    claimed_by text,
    claimed_until timestamptz,
    primary key (topic, callback)
);
create index websub_subscription_host on websub_subscription (host);

-- Every delivery made: which version, to whom, by which replica.
create table websub_delivery (
    id bigserial primary key,
    topic text not null,
    callback text not null,
    etag text not null,
    replica text not null,
    outcome text not null,
    at timestamptz not null default now()
);
create index websub_delivery_at on websub_delivery (at);

-- One ping per version of a topic to the public hubs, by the first replica to see it.
create table websub_ping (
    topic text not null,
    etag text not null,
    at timestamptz not null default now(),
    primary key (topic, etag)
);
