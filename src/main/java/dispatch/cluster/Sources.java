package dispatch.cluster;

import dispatch.catalog.FeedSource;
import dispatch.catalog.FolderSource;
import dispatch.config.DispatchConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The edge where Quarkus meets the choice of source ({@code dispatch.source}): the feeds
 * directory, or PostgreSQL through the configured datasource, migrated by Flyway.
 */
@ApplicationScoped
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class);

    @Produces
    @Singleton
    FeedSource source(DispatchConfig config, Instance<AgroalDataSource> dataSource, Instance<Flyway> flyway) {
        if (config.source() == DispatchConfig.Source.FILES) {
            return new FolderSource(config.feedsDir(), config.watch().enabled(), config.dataDir(), Clock.systemUTC());
        }
        LOG.infof("Cluster mode: the feeds are in PostgreSQL, copied into %s", config.dataDir().resolve("mirror").toAbsolutePath().normalize());
        try {
            DatabaseSource source = new DatabaseSource(dataSource.get(), () -> flyway.get().migrate(), config.dataDir(), config.cluster(),
                    Clock.systemUTC());
            source.migrateNow(); // before the hub and the statistics, built after this, first use the database
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mirror in " + config.dataDir(), e);
        }
    }
}
