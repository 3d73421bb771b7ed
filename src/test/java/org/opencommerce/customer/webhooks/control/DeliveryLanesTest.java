package org.opencommerce.customer.webhooks.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryLanesTest {

    private static List<WebhookStore.Due> heads(String... subscriptions) {
        return java.util.stream.IntStream.range(0, subscriptions.length)
                .mapToObj(i -> new WebhookStore.Due(i + 1, subscriptions[i])).toList();
    }

    private static List<String> chosen(DeliveryLanes lanes, String... subscriptions) {
        return lanes.choose(heads(subscriptions)).stream().map(WebhookStore.Due::subscriptionId).toList();
    }

    @Test
    void aSubscriptionWithADeliveryInFlight_getsNoSecondSlot_andFreeSlotsGoToOthers() {
        DeliveryLanes lanes = new DeliveryLanes(3);
        assertEquals(List.of("slow"), chosen(lanes, "slow"));
        assertEquals(List.of("a", "b"), chosen(lanes, "slow", "a", "b", "c"));
        assertEquals(0, lanes.headsWanted());
        lanes.finished("a", true);
        assertEquals(List.of("c"), chosen(lanes, "slow", "b", "c"));
    }

    @Test
    void failingSubscriptions_holdAllSlotsButOne() {
        DeliveryLanes lanes = new DeliveryLanes(3);
        chosen(lanes, "h1", "h2", "h3");
        lanes.finished("h1", false);
        lanes.finished("h2", false);
        lanes.finished("h3", false);
        assertEquals(List.of("h1", "h2"), chosen(lanes, "h1", "h2", "h3"));
        assertEquals(List.of("ok"), chosen(lanes, "h3", "ok"));
        lanes.finished("ok", true);
        assertEquals(List.of("ok"), chosen(lanes, "h3", "ok"), "a failing one waits for a failing one's slot");
        lanes.finished("h1", true);
        assertEquals(List.of("h3"), chosen(lanes, "h3"));
    }

    @Test
    void subscriptionsThatAnswer_goBeforeFailingOnes() {
        DeliveryLanes lanes = new DeliveryLanes(2);
        chosen(lanes, "h1", "h2");
        lanes.finished("h1", false);
        lanes.finished("h2", false);
        chosen(lanes, "new");
        assertEquals(List.of("ok"), chosen(lanes, "h1", "h2", "ok"));
        lanes.finished("ok", true);
        lanes.finished("new", false);
        assertEquals(List.of("ok", "h1"), chosen(lanes, "h1", "new", "ok"));
        lanes.finished("ok", true);
        assertEquals(List.of(), chosen(lanes, "new"), "the failing ones share one slot of two");
    }

    @Test
    void withOneSlot_failingSubscriptionsStillGetIt() {
        DeliveryLanes lanes = new DeliveryLanes(1);
        chosen(lanes, "h");
        lanes.finished("h", false);
        assertEquals(List.of("ok"), chosen(lanes, "h", "ok"));
        lanes.finished("ok", true);
        assertEquals(List.of("h"), chosen(lanes, "h"));
    }

    @Test
    void headsWanted_coversTheSubscriptionsThatWillBeSkipped() {
        DeliveryLanes lanes = new DeliveryLanes(4);
        chosen(lanes, "busy", "failing");
        lanes.finished("failing", false);
        assertEquals(3 + 1 + 1, lanes.headsWanted());
        lanes.release("busy");
        assertEquals(4 + 0 + 1, lanes.headsWanted());
    }
}
