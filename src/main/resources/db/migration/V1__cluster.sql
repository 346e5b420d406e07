-- Dispatch in cluster mode (dispatch.source=postgresql): the feeds, as folders of files, are the
-- source of truth every replica copies and renders; see README, "Several nodes".

-- Every change to a feed takes the next number, never reused, even after the feed is deleted.
create sequence feed_version;

-- One row per feed: the version of its last change, and when that change was committed.
create table feed (
    name text primary key,
    version bigint not null,
    changed_at timestamptz not null
);

-- Every file of a feed's folder: feed.yaml, its articles, and media beside them.
create table feed_file (
    feed text not null references feed (name) on delete cascade,
    name text not null,
    body bytea not null,
    committed_at timestamptz not null,
    primary key (feed, name)
);

-- What renders keep for each feed so that every replica serves the same validators and archive
-- pages: kind 'validators', 'history' or 'archives', as JSON.
create table feed_state (
    kind text not null,
    feed text not null,
    body bytea not null,
    primary key (kind, feed)
);
