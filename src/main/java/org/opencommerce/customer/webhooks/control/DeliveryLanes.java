package org.opencommerce.customer.webhooks.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A node's webhook delivery slots (WEBHOOK_CONCURRENCY), one lane per subscription: a subscription with a delivery in
 * flight gets no second slot until that one has finished, so a slow receiver holds at most one slot, and free slots go
 * to the other subscriptions. Subscriptions whose last attempt failed (a receiver that hangs, refuses or is down)
 * come after the others and together hold at most all slots but one, so that even more hanging receivers than slots
 * leave the subscriptions whose receivers answer a slot.
 */
final class DeliveryLanes {

    private final int slots;
    /** Subscriptions with a delivery in flight on this node. */
    private final Set<String> inFlight = new HashSet<>();
    /** Subscriptions whose last attempt on this node failed (until one succeeds). */
    private final Set<String> failing = new HashSet<>();

    DeliveryLanes(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("WEBHOOK_CONCURRENCY must be at least 1, not " + slots);
        }
        this.slots = slots;
    }

    /**
     * How many due heads (one per subscription) to read so that, after skipping busy subscriptions and failing ones
     * over their share, every free slot can still be filled; 0 when no slot is free.
     */
    synchronized int headsWanted() {
        int free = slots - inFlight.size();
        return free <= 0 ? 0 : free + inFlight.size() + failing.size();
    }

    /**
     * Chooses from the due heads (oldest first, at most one per subscription) those to start now, and puts their
     * subscriptions in flight: at most the free slots, none of a busy subscription; subscriptions whose last attempt
     * succeeded (or that have not been tried) first, then failing ones within their share.
     */
    synchronized List<WebhookStore.Due> choose(List<WebhookStore.Due> heads) {
        int free = slots - inFlight.size();
        int failingFree = Math.max(1, slots - 1) - (int) inFlight.stream().filter(failing::contains).count();
        List<WebhookStore.Due> chosen = new ArrayList<>();
        for (boolean ofFailing : new boolean[]{false, true}) {
            for (WebhookStore.Due head : heads) {
                String subscription = head.subscriptionId();
                if (chosen.size() >= free || ofFailing && failingFree <= 0) {
                    break;
                }
                if (failing.contains(subscription) != ofFailing || inFlight.contains(subscription)) {
                    continue;
                }
                if (ofFailing) {
                    failingFree--;
                }
                inFlight.add(subscription);
                chosen.add(head);
            }
        }
        return chosen;
    }

    /** The subscription's delivery has been answered: delivered, or the attempt failed. */
    synchronized void finished(String subscription, boolean delivered) {
        inFlight.remove(subscription);
        if (delivered) {
            failing.remove(subscription);
        } else {
            failing.add(subscription);
        }
    }

    /** The subscription's chosen delivery was not sent after all (claimed elsewhere, not accepted by the executor). */
    synchronized void release(String subscription) {
        inFlight.remove(subscription);
    }

    synchronized int inFlight() {
        return inFlight.size();
    }
}
