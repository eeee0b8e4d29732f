package fr.labos.partenariats.matchmaking.engine.index;

import java.util.Arrays;

/** The k-th largest of the values offered so far (minus infinity until k have been), in a small min-heap of doubles. */
final class KthLargest {

    private final double[] heap;
    private int size;

    KthLargest(int k) {
        heap = new double[Math.max(0, k)];
    }

    double value() {
        return heap.length == 0 || size < heap.length ? Double.NEGATIVE_INFINITY : heap[0];
    }

    void offer(double value) {
        if (heap.length == 0) {
            return;
        }
        if (size < heap.length) {
            heap[size] = value;
            for (int i = size++; i > 0 && heap[(i - 1) / 2] > heap[i]; i = (i - 1) / 2) {
                swap(i, (i - 1) / 2);
            }
        } else if (value > heap[0]) {
            heap[0] = value;
            for (int i = 0; ; ) {
                int smallest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && heap[left] < heap[smallest]) {
                    smallest = left;
                }
                if (right < size && heap[right] < heap[smallest]) {
                    smallest = right;
                }
                if (smallest == i) {
                    return;
                }
                swap(i, smallest);
                i = smallest;
            }
        }
    }

    private void swap(int a, int b) {
        double value = heap[a];
        heap[a] = heap[b];
        heap[b] = value;
    }

    @Override
    public String toString() {
        return "KthLargest" + Arrays.toString(Arrays.copyOf(heap, size));
    }
}
