package dispatch.stats;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Subscriber counts every replica of a cluster adds to, in the database (V3__stats.sql): the
 * day's salt, shared so that one reader answered by several replicas hashes alike and counts
 * once; each feed's distinct readers per day; what aggregators report. Days older than
 * {@link SubscriberStats#DAYS} are deleted.
 */
final class SharedCounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource database;

    /** Counts in {@code database}. */
    SharedCounts(DataSource database) {
        this.database = database;
    }

    /** The salt of {@code day}: the first replica to ask makes it. */
    byte[] salt(LocalDate day) throws SQLException {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try (Connection c = database.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into stats_salt (day, salt) values (?, ?) on conflict do nothing")) {
                s.setDate(1, Date.valueOf(day));
                s.setBytes(2, fresh);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("select salt from stats_salt where day = ?")) {
                s.setDate(1, Date.valueOf(day));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getBytes(1);
                }
            }
        }
    }

    /** Adds {@code readers} (hashes by feed) and {@code aggregators}' reports (by feed, then aggregator) to {@code day}'s counts. */
    void add(LocalDate day, Map<String, List<Long>> readers, Map<String, Map<String, Long>> aggregators) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into stats_reader (day, feed, reader) values (?, ?, ?) on conflict do nothing")) {
                for (Map.Entry<String, List<Long>> feed : readers.entrySet()) {
                    for (long reader : feed.getValue()) {
                        s.setDate(1, Date.valueOf(day));
                        s.setString(2, feed.getKey());
                        s.setLong(3, reader);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into stats_aggregator (day, feed, aggregator, subscribers) values (?, ?, ?, ?) "
                    + "on conflict (day, feed, aggregator) do update set subscribers = excluded.subscribers")) {
                for (Map.Entry<String, Map<String, Long>> feed : aggregators.entrySet()) {
                    for (Map.Entry<String, Long> report : feed.getValue().entrySet()) {
                        s.setDate(1, Date.valueOf(day));
                        s.setString(2, feed.getKey());
                        s.setString(3, report.getKey());
                        s.setLong(4, report.getValue());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("delete from stats_reader where day < ?");
                    PreparedStatement t = c.prepareStatement("delete from stats_aggregator where day < ?");
                    PreparedStatement u = c.prepareStatement("delete from stats_salt where day < ?")) {
                for (PreparedStatement old : List.of(s, t, u)) {
                    old.setDate(1, Date.valueOf(day.minusDays(SubscriberStats.DAYS)));
                    old.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** Subscribers per feed per day from {@code from} on, as every replica counted them. */
    TreeMap<LocalDate, Map<String, Long>> subscribers(LocalDate from) throws SQLException {
        TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select day, feed, sum(n) from (select day, feed, count(*) n from stats_reader where day >= ? group by day, feed "
                        + "union all select day, feed, sum(subscribers) from stats_aggregator where day >= ? group by day, feed) t "
                        + "group by day, feed")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(from));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    days.computeIfAbsent(r.getDate(1).toLocalDate(), d -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
                }
            }
        }
        return days;
    }
}
