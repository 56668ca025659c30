package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuLaneTest {
    @Test
    void should_run_work_on_a_lane_thread_and_return_its_result() {
        CpuLane lane = new CpuLane(1, 1, 1);

        String thread = lane.call(() -> Thread.currentThread().getName());

        assertThat(thread).startsWith("kira-cpu-");
    }

    @Test
    void should_hand_the_callers_exception_back_as_thrown() {
        CpuLane lane = new CpuLane(1, 1, 1);

        assertThatThrownBy(() -> lane.call(() -> {
                    throw new KiraException.InvalidRequest("no question");
                }))
                .isInstanceOf(KiraException.InvalidRequest.class)
                .hasMessage("no question");
    }

    @Test
    void should_run_nested_work_in_place_rather_than_wait_for_itself() {
        CpuLane lane = new CpuLane(1, 0, 1);

        int answer = lane.call(() -> lane.call(() -> 42));

        assertThat(answer).isEqualTo(42);
    }

    @Test
    void should_refuse_a_new_request_at_once_when_the_queue_is_full_but_never_the_rest_of_one_let_in()
            throws Exception {
        CpuLane lane = new CpuLane(1, 1, 3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<Integer> busy = callers.submit(() -> lane.call(() -> {
                running.countDown();
                await(release);
                return 1;
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Integer> queued = callers.submit(() -> lane.call(() -> 2));
            while (lane.queued() == 0) {
                Thread.onSpinWait();
            }

            assertThatThrownBy(() -> lane.call(() -> 3))
                    .isInstanceOfSatisfying(
                            KiraException.Overloaded.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
            Future<Integer> resumed = callers.submit(() -> lane.resume(() -> 4));

            release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(resumed.get(5, TimeUnit.SECONDS)).isEqualTo(4);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
