/* M/M/c by hand in C with GSL's generators: the baseline OutletSim's kernel
 * is measured against (issue 30). The same model as mmc-throughput, SimPy
 * and Ciw: c servers, exponential interarrival and 5-minute service times,
 * first come first served; arrivals and services on their own generators.
 * Events sit in a binary heap ordered by (time, sequence), waiting
 * customers in a ring buffer of arrival times. Prints one JSON line like
 * the others'.
 *
 *   mmc_c [--customers N] [--servers C] [--rho R] [--repeat K] [--rng taus2|mt19937]
 *
 * GPL-3.0-or-later, as OutletSim (it links GSL). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { double time; unsigned long sequence; int departure; } event;

typedef struct { event *items; size_t count, capacity; } heap;

static int before(const event *a, const event *b) {
    return a->time < b->time || (a->time == b->time && a->sequence < b->sequence);
}

static void push(heap *h, event e) {
    if (h->count == h->capacity) {
        h->capacity = h->capacity ? 2 * h->capacity : 64;
        h->items = realloc(h->items, h->capacity * sizeof(event));
        if (!h->items) { fprintf(stderr, "mmc_c: out of memory\n"); exit(2); }
    }
    size_t i = h->count++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(&e, &h->items[parent])) break;
        h->items[i] = h->items[parent];
        i = parent;
    }
    h->items[i] = e;
}

static event pop(heap *h) {
    event top = h->items[0], last = h->items[--h->count];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= h->count) break;
        if (child + 1 < h->count && before(&h->items[child + 1], &h->items[child])) child++;
        if (!before(&h->items[child], &last)) break;
        h->items[i] = h->items[child];
        i = child;
    }
    if (h->count > 0) h->items[i] = last;
    return top;
}

typedef struct { double *times; size_t head, count, capacity; } fifo;

static void enqueue(fifo *q, double t) {
    if (q->count == q->capacity) {
        size_t capacity = q->capacity ? 2 * q->capacity : 64;
        double *times = malloc(capacity * sizeof(double));
        if (!times) { fprintf(stderr, "mmc_c: out of memory\n"); exit(2); }
        for (size_t k = 0; k < q->count; k++) times[k] = q->times[(q->head + k) % q->capacity];
        free(q->times);
        q->times = times; q->head = 0; q->capacity = capacity;
    }
    q->times[(q->head + q->count++) % q->capacity] = t;
}

static double dequeue(fifo *q) {
    double t = q->times[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    return t;
}

/* One replication: `customers` arrivals served; returns the mean wait of the served. */
static double simulate(long customers, int servers, double rate, const gsl_rng_type *type, unsigned long seed) {
    gsl_rng *arrivals = gsl_rng_alloc(type), *services = gsl_rng_alloc(type);
    if (!arrivals || !services) { fprintf(stderr, "mmc_c: cannot allocate a generator\n"); exit(2); }
    gsl_rng_set(arrivals, 2 * seed + 1);
    gsl_rng_set(services, 2 * seed + 2);
    heap events = {0};
    fifo waiting = {0};
    unsigned long sequence = 0;
    long arrived = 0, served = 0;
    int busy = 0;
    double waits = 0;
    /* gsl_ran_exponential takes the mean. */
    push(&events, (event){gsl_ran_exponential(arrivals, 1 / rate), sequence++, 0});
    arrived = 1;
    while (events.count > 0) {
        event e = pop(&events);
        if (!e.departure) {
            if (arrived < customers) {
                push(&events, (event){e.time + gsl_ran_exponential(arrivals, 1 / rate), sequence++, 0});
                arrived++;
            }
            if (busy < servers) {
                busy++;
                served++;
                push(&events, (event){e.time + gsl_ran_exponential(services, 5.0), sequence++, 1});
            } else {
                enqueue(&waiting, e.time);
            }
        } else if (waiting.count > 0) {
            waits += e.time - dequeue(&waiting);
            served++;
            push(&events, (event){e.time + gsl_ran_exponential(services, 5.0), sequence++, 1});
        } else {
            busy--;
        }
    }
    free(events.items);
    free(waiting.times);
    gsl_rng_free(arrivals);
    gsl_rng_free(services);
    return waits / (double)served;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long customers = 1000000;
    int servers = 10, repeats = 5;
    double rho = 0.9;
    const char *name = "taus2";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--customers")) customers = strtol(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--servers")) servers = (int)strtol(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--rho")) rho = strtod(argv[i + 1], NULL);
        else if (!strcmp(argv[i], "--repeat")) repeats = (int)strtol(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--rng")) name = argv[i + 1];
        else { fprintf(stderr, "mmc_c: unknown option %s\n", argv[i]); return 2; }
    }
    if (customers < 1 || customers > 1000000000L || servers < 1 || servers > 100000 || !(rho > 0 && rho < 1)
        || repeats < 1 || repeats > 1000) {
        fprintf(stderr, "mmc_c: --customers 1..1e9, --servers 1..100000, --rho in (0, 1), --repeat 1..1000\n");
        return 2;
    }
    const gsl_rng_type *type = !strcmp(name, "mt19937") ? gsl_rng_mt19937 : !strcmp(name, "taus2") ? gsl_rng_taus2 : NULL;
    if (!type) { fprintf(stderr, "mmc_c: --rng must be taus2 or mt19937, found %s\n", name); return 2; }
    gsl_set_error_handler_off();
    double rate = rho * servers / 5.0;
    double *runs = malloc((size_t)repeats * sizeof(double)), wait = 0;
    if (!runs) return 2;
    for (int r = 0; r < repeats; r++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        wait = simulate(customers, servers, rate, type, (unsigned long)r + 1);
        clock_gettime(CLOCK_MONOTONIC, &end);
        runs[r] = (double)(end.tv_sec - start.tv_sec) + 1e-9 * (double)(end.tv_nsec - start.tv_nsec);
    }
    qsort(runs, (size_t)repeats, sizeof(double), compare);
    double seconds = runs[repeats / 2];
    printf("{\"engine\": \"C + GSL %s\", \"customers\": %ld, \"seconds\": %.6f, \"customers_per_second\": %.1f, "
           "\"best_customers_per_second\": %.1f, \"runs\": %d, \"mean_wait\": %.6f}\n",
           name, customers, seconds, customers / seconds, customers / runs[0], repeats, wait);
    free(runs);
    return 0;
}
