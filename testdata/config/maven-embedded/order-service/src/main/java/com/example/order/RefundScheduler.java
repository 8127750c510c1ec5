package com.example.order;

import tech.powerjob.client.PowerJobClient;

public class RefundScheduler {
    private final PowerJobClient client = new PowerJobClient("scheduler:7700", "order-service", "secret");
}
