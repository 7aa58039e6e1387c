import random

from dask.distributed import Client, LocalCluster


def draw(_):
    return random.randint(1, 1_000_000)  # a different number on every call


if __name__ == "__main__":
    # One worker process on this machine, reachable from it only; the web
    # server on a free port, so that other clusters can run beside it
    with (
        LocalCluster(
            n_workers=1, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as client,
    ):
        # Dask takes a function to be pure: a call with the same function and
        # arguments gets the same key, runs once, and its result is shared
        first, second = client.submit(draw, 0), client.submit(draw, 0)
        print("pure=True (the default):")
        print("  one key for both:", first.key == second.key)
        print("  results:", first.result(), second.result())

        first = client.submit(draw, 0, pure=False)
        second = client.submit(draw, 0, pure=False)
        print("pure=False:")
        print("  one key for both:", first.key == second.key)
        print("  results:", first.result(), second.result())
