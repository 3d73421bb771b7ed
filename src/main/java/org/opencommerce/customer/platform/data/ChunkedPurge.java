package org.opencommerce.customer.platform.data;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Deletes what a purge query selects in chunks of PURGE_CHUNK_ROWS rows, each chunk in a transaction of its own: no
 * purge holds locks on a large part of a table, and none is a write set large enough to stall a Galera cluster.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChunkedPurge {

    @Inject
    PurgeChunk chunk;

    @Inject
    @ConfigProperty(name = "PURGE_CHUNK_ROWS", defaultValue = "1000")
    int chunkRows;

    /**
     * Runs the named native query (a DELETE whose parameter 1 is the cutoff and 2 the LIMIT) until a chunk deletes
     * fewer rows than asked; answers how many it deleted.
     */
    public int all(String purgeQuery, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = chunk.delete(purgeQuery, cutoff, chunkRows);
            total += deleted;
        } while (deleted >= chunkRows);
        return total;
    }
}
