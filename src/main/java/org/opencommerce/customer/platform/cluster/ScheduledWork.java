package org.opencommerce.customer.platform.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.data.DatabaseAvailability;
import org.opencommerce.customer.platform.data.TransactionConflict;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every {@link PeriodicWork} of the application on a container timer of its own (non-persistent: each node runs
 * its own). One place for what each of them needs: no second run while one is still going, no transaction, the
 * cluster lease for work done once per cluster, no run that needs the database while it refuses this node (each
 * would only fail and log it), and no failure that escapes (the server cancels a timer whose
 * callback keeps failing).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledWork {

    private static final Logger LOG = Logger.getLogger(ScheduledWork.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<PeriodicWork> all;

    @Inject
    ClusterLeases leases;

    @Inject
    DatabaseAvailability database;

    private final Map<String, PeriodicWork> works = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    @PostConstruct
    void schedule() {
        for (PeriodicWork work : all) {
            String name = work.name();
            if (works.putIfAbsent(name, work) != null) {
                throw new IllegalStateException("Two kinds of periodic work are called " + name);
            }
            running.put(name, new AtomicBoolean());
            long millis = work.interval().toMillis();
            timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
        }
    }

    @Timeout
    void run(Timer timer) {
        String name = (String) timer.getInfo();
        AtomicBoolean guard = running.get(name);
        if (guard == null || !guard.compareAndSet(false, true)) {
            return;
        }
        PeriodicWork work = works.get(name);
        try {
            if (work.needsDatabase() && database.refusing() || work.oncePerCluster() && !leaseTaken(work)) {
                return;
            }
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The periodic work '" + name + "' failed; it runs again in " + work.interval()
                    + ": " + e);
        } finally {
            guard.set(false);
        }
    }

    /**
     * Whether this node took the work's lease; another node that took it at the same moment wins at commit. The lease
     * lasts nine tenths of the interval, so that the beat after a run finds it lapsed even when it fires a little early.
     */
    private boolean leaseTaken(PeriodicWork work) {
        try {
            return leases.take(work.name(), work.interval().minus(work.interval().dividedBy(10)));
        } catch (RuntimeException e) {
            if (TransactionConflict.isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Each kind of work by name, and whether its timer is scheduled (without it, that work would never run). */
    public Map<String, Boolean> scheduled() {
        Map<String, Boolean> scheduled = new TreeMap<>();
        works.keySet().forEach(name -> scheduled.put(name, false));
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof String name && scheduled.containsKey(name)) {
                scheduled.put(name, true);
            }
        }
        return scheduled;
    }
}
