package dispatch.websub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The hub's subscriptions in the database every replica of a cluster shares
 * ({@code websub_subscription}, V2__websub.sql). A delivery to a subscription is claimed by one
 * replica for at most {@code claimFor} (longer than a delivery may take): no two replicas deliver
 * to one subscription at once, and the claim of a replica that dies runs out, leaving the delivery
 * to another. Each delivery made is logged in {@code websub_delivery} (kept 30 days). A version is
 * delivered once, unless a replica dies after the subscriber took it and before it was recorded:
 * then another delivers it again (at least once). Without the database, nothing is claimed and
 * nothing delivered: the deliveries are made once it is back.
 */
final class SharedSubscriptions implements Subscriptions {

    private static final Logger LOG = Logger.getLogger(SharedSubscriptions.class);
    private static final String COLUMNS = "topic, callback, secret, expires_at, delivered";

    private final DataSource database;
    private final String replica;
    private final Duration claimFor;
    private final int max;
    private final int maxPerHost;
    private volatile int lastSize;

    /**
     * Subscriptions in {@code database}, claimed by this replica (a name of its own, unique) for
     * {@code claimFor}, at most {@code max} in all and {@code maxPerHost} per callback host.
     */
    SharedSubscriptions(DataSource database, Duration claimFor, int max, int maxPerHost) {
        this.database = database;
        this.replica = replicaName();
        this.claimFor = claimFor;
        this.max = max;
        this.maxPerHost = maxPerHost;
    }

    @Override
    public void load(Instant now) {
        recount();
        LOG.infof("The hub shares its subscriptions with every replica, in the database (%d now)", lastSize);
    }

    @Override
    public Optional<String> refuse(String topic, String callback) {
        if (get(Subscription.key(topic, callback)).isPresent()) {
            return Optional.empty(); // a renewal
        }
        if (count("select count(*) from websub_subscription") >= max) {
            return Optional.of("The hub holds its most subscriptions (" + max + ", dispatch.websub.max-subscriptions).");
        }
        String host = Subscription.hostOf(callback);
        if (count("select count(*) from websub_subscription where host = ?", host) >= maxPerHost) {
            return Optional.of("Callbacks on " + host + " hold the most subscriptions one host may ("
                    + maxPerHost + ", dispatch.websub.max-subscriptions-per-host).");
        }
        return Optional.empty();
    }

    @Override
    public boolean put(Subscription s) {
        if (refuse(s.topic(), s.callback()).isPresent()) {
            return false;
        }
        boolean stored = update("insert into websub_subscription (topic, callback, host, secret, expires_at, delivered) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (topic, callback) do update set secret = excluded.secret, expires_at = excluded.expires_at",
                s.topic(), s.callback(), s.host(), s.secret().orElse(null), Timestamp.from(s.expires()), s.delivered()) >= 0;
        recount();
        return stored;
    }

    @Override
    public Optional<Subscription> remove(String key) {
        Optional<Subscription> gone = get(key);
        gone.ifPresent(s -> update("delete from websub_subscription where topic = ? and callback = ?", s.topic(), s.callback()));
        recount();
        return gone;
    }

    @Override
    public Optional<Subscription> get(String key) {
        int space = key.indexOf(' ');
        List<Subscription> found = query("select " + COLUMNS + " from websub_subscription where topic = ? and callback = ?",
                key.substring(0, space), key.substring(space + 1));
        return found.stream().findFirst();
    }

    @Override
    public List<Subscription> of(String topic) {
        return query("select " + COLUMNS + " from websub_subscription where topic = ?", topic);
    }

    @Override
    public List<Subscription> all() {
        return query("select " + COLUMNS + " from websub_subscription");
    }

    /**
     * How many subscriptions there were when last counted (after each change this replica made,
     * and at each sweep of ended leases): health checks ask for it, and never wait for the database.
     */
    @Override
    public int size() {
        return lastSize;
    }

    /** Counts the subscriptions again; the last count stands without the database. */
    private void recount() {
        try {
            lastSize = (int) count("select count(*) from websub_subscription");
        } catch (HubProblem e) {
            // the last count stands
        }
    }

    @Override
    public boolean claim(String key, String etag) {
        int space = key.indexOf(' ');
        return update("update websub_subscription set claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond' "
                + "where topic = ? and callback = ? and delivered <> ? "
                + "and (claimed_until is null or claimed_until < now() or claimed_by = ?)",
                replica, claimFor.toMillis(), key.substring(0, space), key.substring(space + 1), etag, replica) == 1;
    }

    @Override
    public void delivered(String key, String etag, boolean sent) {
        int space = key.indexOf(' ');
        String topic = key.substring(0, space);
        String callback = key.substring(space + 1);
        // fenced: a replica whose claim ran out and was taken over changes nothing
        update("update websub_subscription set delivered = ?, claimed_by = null, claimed_until = null "
                + "where topic = ? and callback = ? and (claimed_by = ? or claimed_by is null)", etag, topic, callback, replica);
        update("insert into websub_delivery (topic, callback, etag, replica, outcome) values (?, ?, ?, ?, ?)",
                topic, callback, etag, replica, sent ? "delivered" : "given up");
    }

    @Override
    public void release(String key) {
        int space = key.indexOf(' ');
        update("update websub_subscription set claimed_by = null, claimed_until = null where topic = ? and callback = ? and claimed_by = ?",
                key.substring(0, space), key.substring(space + 1), replica);
    }

    @Override
    public boolean firstToPing(String topic, String etag) {
        return update("insert into websub_ping (topic, etag) values (?, ?) on conflict do nothing", topic, etag) == 1;
    }

    @Override
    public int removeExpired(Instant now) {
        update("delete from websub_ping where at < now() - interval '7 days'");
        update("delete from websub_delivery where at < now() - interval '30 days'");
        int ended = Math.max(0, update("delete from websub_subscription where expires_at <= ?", Timestamp.from(now)));
        recount();
        return ended;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void flush() {
        // every change is written as it is made
    }

    /** This replica's name in claims and in the delivery log: its host, and a random part that no other replica has. */
    private static String replicaName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Rows changed, or -1 when the database cannot be reached (logged). */
    private int update(String sql, Object... values) {
        try (Connection c = database.getConnection(); PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("The hub cannot reach the database (%s): nothing claimed or changed", e.getMessage());
            return -1;
        }
    }

    private long count(String sql, Object... values) {
        try (Connection c = database.getConnection(); PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new HubProblem(503, "unavailable", "The hub's database cannot be reached; try again shortly.");
        }
    }

    private List<Subscription> query(String sql, Object... values) {
        List<Subscription> found = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new Subscription(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)), r.getTimestamp(4).toInstant(),
                        r.getString(5)));
            }
        } catch (SQLException e) {
            LOG.warnf("The hub cannot read its subscriptions from the database: %s", e.getMessage());
        }
        return found;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        return s;
    }
}
